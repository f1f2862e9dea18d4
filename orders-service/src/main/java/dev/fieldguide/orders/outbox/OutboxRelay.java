package dev.fieldguide.orders.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves committed outbox events to the broker: claim a batch, publish each, mark it sent.
 *
 * <p>The claim is {@code FOR UPDATE SKIP LOCKED}: any number of relays (instances, threads) can
 * run at once, each takes rows no other relay holds, and none waits for another. The locks last
 * until the batch is marked, so a row is never published by two relays at the same time. A crash
 * after publishing but before marking publishes that event again on the next claim — delivery is
 * at least once, and consumers deduplicate by event id. A failed publish backs off exponentially
 * with jitter; after {@code maxAttempts} the event is {@code DEAD} until re-driven.
 */
public class OutboxRelay {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final OutboxPublisher publisher;
  private final OutboxProperties properties;
  private final Counter published;
  private final Counter failed;
  private final Counter dead;

  OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, OutboxPublisher publisher,
      OutboxProperties properties, MeterRegistry meters) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.publisher = publisher;
    this.properties = properties;
    this.published = meters.counter("fieldguide.outbox.published");
    this.failed = meters.counter("fieldguide.outbox.failed");
    this.dead = meters.counter("fieldguide.outbox.dead");
  }

  /** Claims and relays one batch of due events; returns how many were claimed. */
  public int relayOnce() {
    Integer claimed = transactions.execute(tx -> {
      List<OutboxEvent> batch = claim();
      for (OutboxEvent event : batch) {
        try {
          publisher.publish(event);
          markSent(event.id());
          published.increment();
        } catch (RuntimeException e) {
          markFailed(event, e);
        }
      }
      return batch.size();
    });
    return claimed == null ? 0 : claimed;
  }

  private List<OutboxEvent> claim() {
    return jdbc.sql("SELECT " + OutboxEvent.COLUMNS + """
         FROM outbox_events
        WHERE status = 'PENDING' AND next_attempt_at <= now()
        ORDER BY next_attempt_at, created_at
        LIMIT ?
        FOR UPDATE SKIP LOCKED
        """).param(properties.batchSize())
        .query(OutboxEvent.ROW).list();
  }

  private void markSent(UUID id) {
    jdbc.sql("UPDATE outbox_events SET status = 'SENT', sent_at = now(), attempts = attempts + 1"
        + " WHERE id = ?").param(id).update();
  }

  private void markFailed(OutboxEvent event, RuntimeException error) {
    int attempts = event.attempts() + 1;
    boolean giveUp = attempts >= properties.maxAttempts();
    failed.increment();
    if (giveUp) {
      dead.increment();
      log.error("Outbox event {} is dead after {} attempts", event.id(), attempts, error);
    } else {
      log.warn("Outbox event {} failed (attempt {}): {}", event.id(), attempts, error.toString());
    }
    jdbc.sql("""
        UPDATE outbox_events
        SET attempts = ?, status = ?, last_error = ?,
            next_attempt_at = now() + make_interval(secs => ?)
        WHERE id = ?
        """).params(attempts, giveUp ? "DEAD" : "PENDING", String.valueOf(error.getMessage()),
        backoff(attempts).toMillis() / 1000.0, event.id()).update();
  }

  /**
   * Exponential backoff with "equal" jitter: a random delay between half and all of
   * {@code first * 2^(attempt-1)}, capped. The random half keeps relays from retrying in
   * lockstep; the fixed half makes every gap at least double the previous one's floor.
   */
  Duration backoff(int attempt) {
    long ceiling = Math.min(properties.maxRetry().toMillis(),
        properties.firstRetry().toMillis() << Math.min(attempt - 1, 30));
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
  }
}
