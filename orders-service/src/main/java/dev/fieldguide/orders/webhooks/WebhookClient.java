package dev.fieldguide.orders.webhooks;

import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Makes one attempt: POSTs a webhook, signed for this attempt's time, and says what came of it.
 * {@code RestClient} on the JDK's HTTP client, with a connect timeout and a read timeout (how long
 * the subscriber may take to answer): without them one stalled subscriber would hold a worker for
 * as long as the operating system keeps the connection open.
 */
class WebhookClient implements AutoCloseable {

  static final String USER_AGENT = "field-guide-webhooks/1";

  private final HttpClient http;
  private final RestClient rest;

  WebhookClient(Duration connectTimeout, Duration readTimeout, ObservationRegistry observations) {
    // Redirects are not followed: a signed body re-sent to wherever a 3xx points is not what the
    // subscriber registered; the 3xx is a failure and the URL is to be fixed. HTTP/1.1: on
    // http:// the client's default (HTTP/2) sends every POST with an h2c Upgrade header, which
    // a receiver gains nothing from and a few mishandle.
    this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    var requests = new JdkClientHttpRequestFactory(http);
    requests.setReadTimeout(readTimeout);
    this.rest = RestClient.builder().requestFactory(requests)
        .defaultHeader(HttpHeaders.USER_AGENT, USER_AGENT).observationRegistry(observations)
        .build();
  }

  /**
   * Sends {@code body} for event {@code id} to {@code url}, signed with {@code signature} at
   * {@code now}. Never throws for the subscriber's sake: any answer, and no answer, is an outcome.
   */
  AttemptOutcome send(URI url, WebhookSignature signature, UUID id, String body, Instant now) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String webhookId = id.toString();
    long timestamp = now.getEpochSecond();
    try {
      return rest.post().uri(url).contentType(MediaType.APPLICATION_JSON)
          .header("webhook-id", webhookId)
          .header("webhook-timestamp", String.valueOf(timestamp))
          .header("webhook-signature", signature.sign(webhookId, timestamp, bytes))
          // The same on every attempt: the subscriber's way to apply the event once.
          .header("Idempotency-Key", webhookId)
          .body(bytes)
          .exchangeForRequiredValue((request, response) -> AttemptOutcome.ofResponse(
              response.getStatusCode().value(),
              response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER), now));
    } catch (ResourceAccessException e) {
      return AttemptOutcome.ofNoResponse(e.getCause() instanceof IOException io
          ? io
          : new IOException(e.getMessage(), e));
    }
  }

  @Override
  public void close() {
    http.close();
  }
}
