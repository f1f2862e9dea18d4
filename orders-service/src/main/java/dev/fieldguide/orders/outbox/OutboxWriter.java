package dev.fieldguide.orders.outbox;

import dev.fieldguide.orders.tracing.TraceHandoff;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends an event to the outbox inside the caller's transaction — and refuses to run without
 * one, because an event written outside the business transaction is exactly the dual write the
 * outbox exists to prevent.
 */
@Component
public class OutboxWriter {

  private final JdbcClient jdbc;

  OutboxWriter(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records {@code event} (a {@link StreamEvent} record) for the aggregate, under the type and
   * version it declares; returns the event id.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public UUID append(String aggregateType, Object aggregateId, Object event) {
    StreamEventType type = StreamEventType.of(event.getClass());
    UUID id = UUID.randomUUID();
    jdbc.sql("""
        INSERT INTO outbox_events (id, aggregate_type, aggregate_id, event_type, event_version,
                                   payload, traceparent)
        VALUES (:id, :aggregateType, :aggregateId, :eventType, :eventVersion, :payload::jsonb,
                :traceparent)
        """)
        .param("id", id)
        .param("aggregateType", aggregateType)
        .param("aggregateId", String.valueOf(aggregateId))
        .param("eventType", type.name())
        .param("eventVersion", type.version())
        .param("payload", StreamEventCodec.write(event))
        .param("traceparent", TraceHandoff.currentTraceparent())
        .update();
    return id;
  }
}
