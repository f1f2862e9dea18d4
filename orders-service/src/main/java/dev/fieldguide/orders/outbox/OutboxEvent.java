package dev.fieldguide.orders.outbox;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;

/** An outbox row as the relay claims it. */
record OutboxEvent(UUID id, String aggregateType, String aggregateId, String type, int version,
    String payload, @Nullable String traceparent, int attempts) {

  /** The columns every reader of a whole event selects, in {@link #ROW} order. */
  static final String COLUMNS = "id, aggregate_type, aggregate_id, event_type, event_version,"
      + " payload::text, traceparent, attempts";

  static final RowMapper<OutboxEvent> ROW = (rs, row) -> new OutboxEvent(
      rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
      rs.getInt(5), rs.getString(6), rs.getString(7), rs.getInt(8));
}
