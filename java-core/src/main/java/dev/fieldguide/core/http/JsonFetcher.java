package dev.fieldguide.core.http;

import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.event.RetryOnRetryEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fetches a JSON document over HTTP and retries only the failures that a later attempt can fix —
 * the Java answer to the seed's {@code fetch_json(url, timeout)}.
 *
 * <p>Retry policy: timeouts and I/O errors (exception predicate) and 5xx or 429 responses (result
 * predicate) are retried with exponential backoff and jitter; a 429's {@code Retry-After} is not
 * read, it waits like a 5xx. A 4xx is the caller's fault and is returned at once. Only GET is sent,
 * so repeating a request is safe.
 */
public final class JsonFetcher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(JsonFetcher.class);

  private final FetchPolicy policy;
  private final HttpClient client;
  private final RetryConfig retryConfig;

  public JsonFetcher(FetchPolicy policy) {
    this.policy = policy;
    // HTTP/1.1, as Python's requests speaks: the default HTTP/2 first tries an h2c upgrade on
    // plain http://, which cost each new connection to the test server several hundred ms.
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(policy.connectTimeout())
        .build();
    this.retryConfig = RetryConfig.<HttpResponse<String>>custom()
        .maxAttempts(policy.maxAttempts())
        .intervalFunction(policy.backoff())
        .retryOnResult(response -> isTransient(response.statusCode()))
        .retryOnException(UncheckedIOException.class::isInstance)
        .build();
  }

  /**
   * GETs {@code uri} and parses the body; every outcome is a {@link FetchResult}, never an
   * exception, except a {@link CancellationException} when the calling thread is interrupted.
   */
  public FetchResult fetch(URI uri) {
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(policy.requestTimeout())
        .header("Accept", "application/json")
        .GET()
        .build();
    String target = loggable(uri);
    // A Retry per call, named after the target, so each retry's log line can say which URL.
    Retry retry = Retry.of(target, retryConfig);
    retry.getEventPublisher().onRetry(this::logRetry);
    var attempts = new AtomicInteger();
    try {
      HttpResponse<String> response = retry.executeSupplier(
          () -> {
            attempts.incrementAndGet();
            return send(request);
          });
      return toResult(response, attempts.get());
    } catch (UncheckedIOException failed) {
      // Never null (the constructor rejects null); NullAway models getCause() as @Nullable.
      return switch (Objects.requireNonNull(failed.getCause())) {
        case HttpTimeoutException timeout -> new FetchResult.TimedOut(attempts.get());
        case IOException other -> new FetchResult.NetworkFailure(other, attempts.get());
      };
    }
  }

  /** 5xx: the server may recover; 429: it asked us to come back later. */
  static boolean isTransient(int status) {
    return status >= 500 || status == 429;
  }

  /**
   * Host, port and path only: the query string and the user-info part of a URL are where API keys
   * and passwords travel, and logs outlive them.
   */
  static String loggable(URI uri) {
    String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
    return uri.getHost() + port + uri.getRawPath();
  }

  @Override
  public void close() {
    client.close();
  }

  /** One exchange; I/O failures leave unchecked so the Retry's exception predicate sees them. */
  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while fetching " + loggable(request.uri()));
    }
  }

  private FetchResult toResult(HttpResponse<String> response, int attempts) {
    int status = response.statusCode();
    if (status < 200 || status >= 300) {
      return new FetchResult.HttpFailure(status, attempts);
    }
    try {
      return new FetchResult.Ok(JsonMapper.shared().readTree(response.body()), attempts);
    } catch (JacksonException e) {
      return new FetchResult.InvalidJson(e, attempts);
    }
  }

  private void logRetry(RetryOnRetryEvent event) {
    Throwable failure = event.getLastThrowable();
    log.warn(
        "GET {} failed on attempt {} of {} ({}); retrying in {} ms",
        event.getName(),
        event.getNumberOfRetryAttempts(),
        policy.maxAttempts(),
        failure == null ? "5xx or 429 response" : failure.getCause(),
        event.getWaitInterval().toMillis());
  }
}
