package dev.fieldguide.orders.webhooks;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a webhook for every configured endpoint inside the caller's transaction — a consumer's,
 * next to its inbox row — and refuses to run without one: a delivery recorded apart from the
 * effect it reports could survive the effect's rollback, or be lost when the effect commits.
 * Sending is the dispatcher's job, after the commit.
 */
public class WebhookDeliveries {

  private final JdbcClient jdbc;
  private final List<String> endpoints;
  private final Clock clock;

  WebhookDeliveries(JdbcClient jdbc, List<String> endpoints, Clock clock) {
    this.jdbc = jdbc;
    this.endpoints = List.copyOf(endpoints);
    this.clock = clock;
  }

  /**
   * One pending delivery of {@code message} per endpoint, due now; none when no endpoint is
   * configured. Recording the same event again changes nothing.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void enqueue(WebhookMessage message) {
    if (endpoints.isEmpty()) {
      return;
    }
    String body = message.toJson();
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    for (String endpoint : endpoints) {
      jdbc.sql("""
          INSERT INTO webhook_deliveries (event_id, endpoint, body, next_attempt_at)
          VALUES (?, ?, ?, ?)
          ON CONFLICT (event_id, endpoint) DO NOTHING
          """).params(message.id(), endpoint, body, now).update();
    }
  }
}
