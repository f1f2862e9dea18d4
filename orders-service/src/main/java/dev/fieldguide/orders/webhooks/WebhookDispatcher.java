package dev.fieldguide.orders.webhooks;

import dev.fieldguide.orders.jobs.RetryPolicy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The webhook worker: claims due deliveries, makes one attempt at each, records what came of it.
 *
 * <p>The claim is one statement: the due rows, taken with {@code FOR UPDATE SKIP LOCKED} (workers
 * never take the same row, never wait for each other), get their attempt counted and their next
 * attempt moved a lease ahead, and it commits at once. No transaction or row lock is held over
 * the HTTP call, which may take the whole read timeout. A worker that dies mid-send leaves its
 * rows to be claimed again when the lease ends — so a subscriber may get a webhook twice, with
 * the same {@code Idempotency-Key} — and a worker that outlives its lease finds its outcome
 * refused, because the row's attempt number has moved on (a fencing token, as in D2).
 *
 * <p>Time comes from {@code clock} and the jitter from {@code random}, so a test can run the whole
 * retry schedule without waiting for it.
 */
public class WebhookDispatcher {

  private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

  private final JdbcClient jdbc;
  private final WebhookClient client;
  private final Map<String, Subscriber> subscribers;
  private final RetryPolicy retries;
  private final Duration lease;
  private final int batchSize;
  private final Clock clock;
  private final Counter delivered;
  private final Counter retried;
  private final Counter dead;

  WebhookDispatcher(JdbcClient jdbc, WebhookClient client, WebhookProperties properties,
      Clock clock, RandomGenerator random, MeterRegistry meters) {
    this.jdbc = jdbc;
    this.client = client;
    this.subscribers = properties.endpoints().stream().collect(Collectors.toUnmodifiableMap(
        WebhookProperties.Endpoint::name,
        endpoint -> new Subscriber(endpoint.url(), new WebhookSignature(endpoint.secret()))));
    this.retries = properties.retryPolicy()
        .withTiming(new RetryPolicy.Timing(clock, random::nextDouble));
    this.lease = properties.claimLease();
    this.batchSize = properties.batchSize();
    this.clock = clock;
    this.delivered = attempts(meters, "delivered");
    this.retried = attempts(meters, "retried");
    this.dead = attempts(meters, "dead");
  }

  private static Counter attempts(MeterRegistry meters, String outcome) {
    return Counter.builder("fieldguide.webhooks.attempts").tag("outcome", outcome)
        .description("Webhook attempts by what came of them").register(meters);
  }

  /** Claims the deliveries due now and attempts each, side by side; returns how many. */
  public int dispatchOnce() {
    List<Claimed> batch = claim(clock.instant());
    // One virtual thread per attempt: a subscriber that takes the whole read timeout delays
    // nobody else's webhook. Closing the executor waits for every attempt.
    try (var attempts = Executors.newVirtualThreadPerTaskExecutor()) {
      batch.forEach(delivery -> attempts.execute(() -> attempt(delivery)));
    }
    return batch.size();
  }

  private List<Claimed> claim(Instant now) {
    return jdbc.sql("""
        UPDATE webhook_deliveries d
        SET attempts = d.attempts + 1, next_attempt_at = :leaseEnds
        FROM (SELECT id FROM webhook_deliveries
              WHERE status = 'PENDING' AND next_attempt_at <= :now
              ORDER BY next_attempt_at
              LIMIT :batch
              FOR UPDATE SKIP LOCKED) due
        WHERE d.id = due.id
        RETURNING d.id, d.event_id, d.endpoint, d.body, d.attempts
        """)
        .param("leaseEnds", utc(now.plus(lease)))
        .param("now", utc(now))
        .param("batch", batchSize)
        .query((rs, row) -> new Claimed(rs.getLong("id"), rs.getObject("event_id", UUID.class),
            rs.getString("endpoint"), rs.getString("body"), rs.getInt("attempts")))
        .list();
  }

  private void attempt(Claimed delivery) {
    try {
      Subscriber to = subscribers.get(delivery.endpoint());
      AttemptOutcome outcome = to == null
          ? AttemptOutcome.undeliverable("endpoint " + delivery.endpoint() + " is not configured")
          : client.send(to.url(), to.signature(), delivery.eventId(), delivery.body(),
              clock.instant());
      record(delivery, outcome);
    } catch (RuntimeException e) {
      // Sending never throws for the subscriber's sake; this is our side (the database, a bug).
      // The row stays claimed until its lease ends, then is attempted again.
      log.error("Webhook {} to {}: attempt {} failed on our side; retried after its lease",
          delivery.eventId(), delivery.endpoint(), delivery.attempt(), e);
    }
  }

  private void record(Claimed delivery, AttemptOutcome outcome) {
    Instant now = clock.instant();
    switch (outcome.kind()) {
      case DELIVERED -> {
        if (settle(delivery, "DELIVERED", outcome, now)) {
          delivered.increment();
          log.info("Webhook {} delivered to {} on attempt {} ({})", delivery.eventId(),
              delivery.endpoint(), delivery.attempt(), outcome.detail());
        }
      }
      case RETRYABLE -> {
        if (delivery.attempt() >= retries.maxAttempts()) {
          declareDead(delivery, outcome, now);
        } else {
          retry(delivery, outcome, now);
        }
      }
      case PERMANENT -> declareDead(delivery, outcome, now);
    }
  }

  private void retry(Claimed delivery, AttemptOutcome outcome, Instant now) {
    // The subscriber's Retry-After wins over the backoff, up to the backoff's cap.
    Duration wait = outcome.retryAfter()
        .map(asked -> asked.compareTo(retries.maxDelay()) > 0 ? retries.maxDelay() : asked)
        .orElseGet(() -> retries.delayBefore(delivery.attempt() + 1));
    boolean current = jdbc.sql("""
        UPDATE webhook_deliveries SET next_attempt_at = ?, last_outcome = ?
        WHERE id = ? AND attempts = ? AND status = 'PENDING'
        """).params(utc(now.plus(wait)), outcome.detail(), delivery.id(), delivery.attempt())
        .update() == 1;
    if (current) {
      retried.increment();
      log.warn("Webhook {} to {} failed on attempt {} ({}); next attempt in {}",
          delivery.eventId(), delivery.endpoint(), delivery.attempt(), outcome.detail(), wait);
    } else {
      stale(delivery);
    }
  }

  private void declareDead(Claimed delivery, AttemptOutcome outcome, Instant now) {
    if (settle(delivery, "DEAD", outcome, now)) {
      dead.increment();
      log.error("Webhook {} to {} is dead after {} attempt(s): {}", delivery.eventId(),
          delivery.endpoint(), delivery.attempt(), outcome.detail());
    }
  }

  /** Final outcome; false when a later claim owns the row (this attempt outlived its lease). */
  private boolean settle(Claimed delivery, String status, AttemptOutcome outcome, Instant now) {
    boolean current = jdbc.sql("""
        UPDATE webhook_deliveries SET status = ?, settled_at = ?, last_outcome = ?
        WHERE id = ? AND attempts = ? AND status = 'PENDING'
        """).params(status, utc(now), outcome.detail(), delivery.id(), delivery.attempt())
        .update() == 1;
    if (!current) {
      stale(delivery);
    }
    return current;
  }

  private static void stale(Claimed delivery) {
    log.warn("Webhook {} to {}: attempt {} ended after its lease; a later claim owns it",
        delivery.eventId(), delivery.endpoint(), delivery.attempt());
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** A configured endpoint, ready to send to. */
  private record Subscriber(URI url, WebhookSignature signature) {}

  /** A delivery this worker holds for one attempt, the {@code attempt}-th. */
  private record Claimed(long id, UUID eventId, String endpoint, String body, int attempt) {}
}
