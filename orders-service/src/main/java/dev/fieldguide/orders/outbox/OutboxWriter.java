package dev.fieldguide.orders.outbox;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
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
        .param("traceparent", traceparent())
        .update();
    return id;
  }

  /** W3C trace context of the request, so the consumer's work joins the same trace. */
  private static @Nullable String traceparent() {
    String traceId = MDC.get("trace_id");
    if (traceId == null) {
      return null;
    }
    String spanId = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    return "00-" + traceId + "-" + spanId + "-01";
  }
}
