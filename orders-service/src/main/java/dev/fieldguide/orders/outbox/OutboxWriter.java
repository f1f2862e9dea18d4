package dev.fieldguide.orders.outbox;

import dev.fieldguide.orders.tracing.TraceHandoff;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends an event to the outbox inside the caller's transaction — and refuses to run without
 * one, because an event written outside the business transaction is exactly the dual write the
 * outbox exists to prevent.
 */
@Component
public class OutboxWriter {

  private final JdbcClient jdbc;
  private final JsonMapper json;

  OutboxWriter(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Records {@code event} (a past-tense record) for the aggregate; returns the event id. */
  @Transactional(propagation = Propagation.MANDATORY)
  public UUID append(String aggregateType, Object aggregateId, Object event) {
    UUID id = UUID.randomUUID();
    jdbc.sql("""
        INSERT INTO outbox_events (id, aggregate_type, aggregate_id, event_type, payload,
                                   traceparent)
        VALUES (:id, :aggregateType, :aggregateId, :eventType, :payload::jsonb, :traceparent)
        """)
        .param("id", id)
        .param("aggregateType", aggregateType)
        .param("aggregateId", String.valueOf(aggregateId))
        .param("eventType", event.getClass().getSimpleName())
        .param("payload", json.writeValueAsString(event))
        .param("traceparent", TraceHandoff.currentTraceparent())
        .update();
    return id;
  }
}
