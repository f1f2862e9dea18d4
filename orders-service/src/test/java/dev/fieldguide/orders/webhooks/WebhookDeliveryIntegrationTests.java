package dev.fieldguide.orders.webhooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.badRequest;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.fieldguide.orders.support.TestClock;
import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.EventDelivery;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.TestData;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * T3: webhooks against a real HTTP server that misbehaves on cue (WireMock on a random port), from
 * real delivery rows in PostgreSQL. The dispatcher's clock is the test's: each test lets simulated
 * seconds pass one at a time, the worker polling at each, so hours of backoff run at once; the
 * schedule is then read from the requests WireMock received (their {@code webhook-timestamp}).
 */
@IntegrationTest
class WebhookDeliveryIntegrationTests {

  @RegisterExtension
  static final WireMockExtension subscriber = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  /** The test profile's endpoint "subscriber" and its secret; here it points at WireMock. */
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String HOOK = "/hooks/orders";
  private static final int MAX_ATTEMPTS = 4;
  /** nextDouble() is 0: no jitter taken, each wait is its whole window (1 s, 2 s, 4 s, 4 s). */
  private static final RandomGenerator NO_JITTER = () -> 0L;
  /** Generous: a fresh WireMock can take over a second to answer its first request. */
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

  @Autowired
  JdbcClient jdbc;

  @Autowired
  TransactionTemplate transactions;

  @Autowired
  WebhookDeliveries deliveries;

  @Autowired
  Api api;

  @Autowired
  TestData data;

  @Autowired
  EventDelivery events;

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final TestClock clock = new TestClock().freezeAt(Instant.now());
  private final List<WebhookClient> clients = new ArrayList<>();
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();

  @BeforeEach
  void onlyThisTestsDeliveries() {
    // Orders placed by other tests left deliveries for "subscriber" that no worker sends here.
    jdbc.sql("DELETE FROM webhook_deliveries").update();
  }

  @BeforeEach
  void captureTheDispatchersLog() {
    log.start();
    dispatcherLogger().addAppender(log);
  }

  @AfterEach
  void closeClientsAndStopCapturing() {
    clients.forEach(WebhookClient::close);
    dispatcherLogger().detachAppender(log);
  }

  @Test
  void aPlacedOrderReachesTheSubscriberSignedWithItsEventIdAsIdempotencyKey() {
    subscriber.stubFor(post(HOOK).willReturn(noContent()));
    long customer = data.customer();
    long orderId = api.placeOrder(customer, data.productWithStock(1250, 5), 2, Map.of())
        .jsonBody().path("id").asLong();
    events.deliverAll(); // relay, then the notifications consumer records the delivery
    UUID eventId = jdbc.sql("""
        SELECT id FROM outbox_events WHERE aggregate_type = 'order' AND aggregate_id = ?
        """).param(String.valueOf(orderId)).query(UUID.class).single();
    // deliverAll also consumed events other tests left on the stream: not this test's.
    jdbc.sql("DELETE FROM webhook_deliveries WHERE event_id <> ?").param(eventId).update();
    clock.freezeAt(Instant.now());

    assertThat(runUntilSettled(dispatcher(READ_TIMEOUT), eventId))
        .isEqualTo(new Delivery("DELIVERED", 1, "HTTP 204"));

    LoggedRequest request = single(attempts());
    assertThat(request.getHeader("Content-Type")).startsWith("application/json");
    assertThat(request.getHeader("User-Agent")).isEqualTo(WebhookClient.USER_AGENT);
    assertThat(request.getHeader("webhook-id")).isEqualTo(eventId.toString());
    assertThat(request.getHeader("Idempotency-Key")).isEqualTo(eventId.toString());
    assertThat(request.getHeader("webhook-timestamp"))
        .isEqualTo(String.valueOf(clock.instant().getEpochSecond()));
    assertSignedWithTheEndpointsSecret(request);
    JsonNode body = JsonMapper.builder().build().readTree(request.getBodyAsString());
    assertThat(body.path("type").asString()).isEqualTo("order.placed");
    assertThat(body.path("data").path("orderId").asLong()).isEqualTo(orderId);
    assertThat(body.path("data").path("customerId").asLong()).isEqualTo(customer);
    assertThat(body.path("data").path("totalCents").asLong()).isEqualTo(2500);
    assertThat(counted("delivered")).isOne();
  }

  @Test
  void serverErrorsAreRetriedOnADoublingScheduleUntilTheSubscriberAcknowledges() {
    answerInTurn(serverError(), aResponse().withStatus(502), aResponse().withStatus(503),
        aResponse().withStatus(200));
    UUID eventId = recorded();

    assertThat(runUntilSettled(dispatcher(READ_TIMEOUT), eventId))
        .isEqualTo(new Delivery("DELIVERED", 4, "HTTP 200"));

    List<LoggedRequest> attempts = attempts();
    assertThat(secondsBetween(attempts)).containsExactly(1L, 2L, 4L);
    assertThat(attempts).allSatisfy(attempt -> {
      assertThat(attempt.getHeader("Idempotency-Key")).isEqualTo(eventId.toString());
      assertThat(attempt.getHeader("webhook-id")).isEqualTo(eventId.toString());
      assertSignedWithTheEndpointsSecret(attempt); // each for its own timestamp
    });
    assertThat(attempts).extracting(LoggedRequest::getBodyAsString).containsOnly(
        attempts.getFirst().getBodyAsString());
    assertThat(counted("retried")).isEqualTo(3);
    assertThat(counted("delivered")).isOne();
    assertThat(counted("dead")).isZero();
  }

  @Test
  void anAnswerSlowerThanTheReadTimeoutIsRetried() {
    answerInTurn(aResponse().withStatus(200).withFixedDelay(3_000), aResponse().withStatus(200));
    UUID eventId = recorded();

    Delivery delivery = runUntilSettled(dispatcher(Duration.ofSeconds(1)), eventId);

    assertThat(delivery).isEqualTo(new Delivery("DELIVERED", 2, "HTTP 200"));
    assertThat(attempts()).hasSize(2);
    assertThat(counted("retried")).isOne();
  }

  @Test
  void aConnectionResetIsRetried() {
    answerInTurn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
        aResponse().withStatus(200));
    UUID eventId = recorded();

    assertThat(runUntilSettled(dispatcher(READ_TIMEOUT), eventId))
        .isEqualTo(new Delivery("DELIVERED", 2, "HTTP 200"));
    assertThat(attempts()).hasSize(2);
    assertThat(counted("retried")).isOne();
  }

  @Test
  void tooManyRequestsWaitsAsLongAsRetryAfterSays() {
    answerInTurn(aResponse().withStatus(429).withHeader("Retry-After", "3"),
        aResponse().withStatus(200));
    UUID eventId = recorded();

    assertThat(runUntilSettled(dispatcher(READ_TIMEOUT), eventId).status())
        .isEqualTo("DELIVERED");
    assertThat(secondsBetween(attempts())).containsExactly(3L); // not the backoff's 1 s
  }

  @Test
  void aBadRequestIsDeadAtOnce() {
    subscriber.stubFor(post(HOOK).willReturn(badRequest()));
    UUID eventId = recorded();

    assertThat(runUntilSettled(dispatcher(READ_TIMEOUT), eventId))
        .isEqualTo(new Delivery("DEAD", 1, "HTTP 400"));
    assertThat(attempts()).hasSize(1);
    assertThat(counted("dead")).isOne();
    assertThat(counted("retried")).isZero();
  }

  @Test
  void aSubscriberThatKeepsFailingIsDeadAfterMaxAttemptsCountedAndLogged() {
    subscriber.stubFor(post(HOOK).willReturn(serverError()));
    UUID eventId = recorded();
    WebhookDispatcher dispatcher = dispatcher(READ_TIMEOUT);

    assertThat(runUntilSettled(dispatcher, eventId))
        .isEqualTo(new Delivery("DEAD", MAX_ATTEMPTS, "HTTP 500"));
    for (int second = 0; second < 30; second++) { // and nobody sends it again
      clock.advance(Duration.ofSeconds(1));
      dispatcher.dispatchOnce();
    }

    assertThat(attempts()).hasSize(MAX_ATTEMPTS);
    assertThat(secondsBetween(attempts())).containsExactly(1L, 2L, 4L);
    assertThat(counted("retried")).isEqualTo(MAX_ATTEMPTS - 1);
    assertThat(counted("dead")).isOne();
    assertThat(log.list).filteredOn(line -> line.getLevel() == Level.ERROR)
        .extracting(ILoggingEvent::getFormattedMessage).containsExactly("Webhook " + eventId
            + " to subscriber is dead after " + MAX_ATTEMPTS + " attempt(s): HTTP 500");
  }

  @Test
  void aDeliveryInFlightIsNotClaimedAgainUntilItsLeaseEndsAndThenTheLateOutcomeIsRefused() {
    // The first attempt hangs (as if its worker had died mid-send); the second is answered.
    answerInTurn(aResponse().withStatus(200).withFixedDelay(2_000), aResponse().withStatus(204));
    UUID eventId = recorded();
    WebhookDispatcher first = dispatcher(READ_TIMEOUT);
    WebhookDispatcher second = dispatcher(READ_TIMEOUT);

    CompletableFuture<Integer> hanging = CompletableFuture.supplyAsync(first::dispatchOnce);
    await().atMost(Duration.ofSeconds(10)).until(() -> attempts().size() == 1);
    assertThat(second.dispatchOnce()).as("claimed while leased").isZero();
    clock.advance(Duration.ofSeconds(31)); // past the 30 s lease
    assertThat(second.dispatchOnce()).isOne();
    assertThat(hanging.join()).isOne();

    // The second worker's outcome stands; the first one's, arriving later, is refused.
    assertThat(delivery(eventId)).isEqualTo(new Delivery("DELIVERED", 2, "HTTP 204"));
    assertThat(attempts()).extracting(attempt -> attempt.getHeader("Idempotency-Key"))
        .containsExactly(eventId.toString(), eventId.toString());
    assertThat(counted("delivered")).isOne();
  }

  @Test
  void aDeliveryIsRecordedOnlyWithTheTransactionOfTheEffectItReports() {
    UUID rolledBack = UUID.randomUUID();
    transactions.executeWithoutResult(tx -> {
      deliveries.enqueue(message(rolledBack));
      tx.setRollbackOnly(); // the consumer's effect failed: its webhook goes with it
    });

    assertThat(jdbc.sql("SELECT count(*) FROM webhook_deliveries").query(Long.class).single())
        .isZero();
    assertThatThrownBy(() -> deliveries.enqueue(message(UUID.randomUUID())))
        .isInstanceOf(IllegalTransactionStateException.class);
  }

  /** A delivery to "subscriber", recorded as the consumer records one; then the clock starts. */
  private UUID recorded() {
    UUID eventId = UUID.randomUUID();
    transactions.executeWithoutResult(tx -> deliveries.enqueue(message(eventId)));
    clock.freezeAt(Instant.now());
    return eventId;
  }

  private static WebhookMessage message(UUID eventId) {
    return new WebhookMessage(eventId, "order.placed", 1,
        Instant.parse("2026-05-01T10:15:30Z"), Map.of("orderId", 42));
  }

  /**
   * A worker for "subscriber" at WireMock, on the test's clock, with no jitter: the waits are
   * 1 s, 2 s, 4 s (the cap), and the fourth failed attempt is the last.
   */
  private WebhookDispatcher dispatcher(Duration readTimeout) {
    var properties = new WebhookProperties(List.of(new WebhookProperties.Endpoint("subscriber",
        URI.create(subscriber.baseUrl() + HOOK), SECRET)), Duration.ofSeconds(1), readTimeout,
        MAX_ATTEMPTS, Duration.ofSeconds(1), Duration.ofSeconds(4), 0.5, 20,
        Duration.ofSeconds(30));
    var client = new WebhookClient(properties.connectTimeout(), properties.readTimeout(),
        ObservationRegistry.NOOP);
    clients.add(client);
    return new WebhookDispatcher(jdbc, client, properties, clock, NO_JITTER, meters);
  }

  /** Lets simulated seconds pass, the worker polling at each, until the delivery settles. */
  private Delivery runUntilSettled(WebhookDispatcher dispatcher, UUID eventId) {
    for (int second = 0; second < 60; second++) {
      dispatcher.dispatchOnce();
      Delivery delivery = delivery(eventId);
      if (!delivery.status().equals("PENDING")) {
        return delivery;
      }
      clock.advance(Duration.ofSeconds(1));
    }
    throw new AssertionError("delivery " + eventId + " still pending after 60 simulated seconds");
  }

  private Delivery delivery(UUID eventId) {
    return jdbc.sql("""
        SELECT status, attempts, last_outcome FROM webhook_deliveries WHERE event_id = ?
        """).param(eventId).query((rs, row) -> new Delivery(rs.getString(1), rs.getInt(2),
        rs.getString(3))).single();
  }

  /** One response per request, in this order; the last one repeats. */
  private static void answerInTurn(ResponseDefinitionBuilder... responses) {
    for (int i = 0; i < responses.length; i++) {
      subscriber.stubFor(post(HOOK).inScenario("answers").whenScenarioStateIs(
          i == 0 ? STARTED : "answer " + i).willReturn(responses[i])
          .willSetStateTo(i == responses.length - 1 ? "answer " + i : "answer " + (i + 1)));
    }
  }

  /** The requests WireMock received, in the order their attempts were made. */
  private static List<LoggedRequest> attempts() {
    return subscriber.findAll(postRequestedFor(urlEqualTo(HOOK))).stream()
        .sorted(Comparator.comparingLong(request -> timestamp(request))).toList();
  }

  /** The simulated seconds between consecutive attempts, from their webhook-timestamp. */
  private static List<Long> secondsBetween(List<LoggedRequest> attempts) {
    List<Long> gaps = new ArrayList<>();
    for (int i = 1; i < attempts.size(); i++) {
      gaps.add(timestamp(attempts.get(i)) - timestamp(attempts.get(i - 1)));
    }
    return gaps;
  }

  private static long timestamp(LoggedRequest request) {
    return Long.parseLong(request.getHeader("webhook-timestamp"));
  }

  private static LoggedRequest single(List<LoggedRequest> requests) {
    assertThat(requests).hasSize(1);
    return requests.getFirst();
  }

  /** Verifies as a subscriber would, with its own HMAC over id, timestamp and the raw body. */
  private static void assertSignedWithTheEndpointsSecret(LoggedRequest request) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring("whsec_".length())),
          "HmacSHA256"));
      mac.update((request.getHeader("webhook-id") + "." + request.getHeader("webhook-timestamp")
          + ".").getBytes(StandardCharsets.UTF_8));
      assertThat(request.getHeader("webhook-signature"))
          .isEqualTo("v1," + Base64.getEncoder().encodeToString(mac.doFinal(request.getBody())));
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  private double counted(String outcome) {
    return meters.get("fieldguide.webhooks.attempts").tag("outcome", outcome).counter().count();
  }

  private static Logger dispatcherLogger() {
    return (Logger) LoggerFactory.getLogger(WebhookDispatcher.class);
  }

  private record Delivery(String status, int attempts, String lastOutcome) {}
}
