package dev.fieldguide.orders.orders;

import dev.fieldguide.orders.db.ReplicaRead;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * PG2, partial index: NEW orders that nobody has touched for a while, oldest first, for operators
 * to chase. Answered by {@code orders_stale_pending_idx}, an index on {@code updated_at} that holds
 * only NEW orders (V17): the scan starts at the oldest pending order and stops after {@code limit}
 * rows, whatever the size of the table.
 */
@Component
@ConditionalOnBooleanProperty("fieldguide.admin.enabled")
public class StalePendingOrders {

  /** The query, exactly as sent; the plan tests and {@code ./lab indexes} explain it. */
  public static final String SQL = """
      SELECT id, customer_id, total_cents, created_at, updated_at FROM orders
      WHERE status = 'NEW' AND updated_at < ?
      ORDER BY updated_at LIMIT ?
      """;

  private final JdbcClient jdbc;

  StalePendingOrders(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Pending orders last changed before now minus {@code idleFor}, at most {@code limit}. */
  @ReplicaRead
  public List<StalePendingOrder> find(Duration idleFor, int limit) {
    return jdbc.sql(SQL).params(OffsetDateTime.now(ZoneOffset.UTC).minus(idleFor), limit)
        .query((rs, row) -> new StalePendingOrder(rs.getLong(1), rs.getLong(2), rs.getLong(3),
            rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class)))
        .list();
  }

  /** One row of the operators' list. */
  public record StalePendingOrder(long id, long customerId, long totalCents,
      OffsetDateTime createdAt, OffsetDateTime updatedAt) {}
}
