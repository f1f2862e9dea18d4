package dev.fieldguide.orders.notifications;

import dev.fieldguide.orders.errors.NotFoundException;
import dev.fieldguide.orders.notifications.OrderNotificationsResponse.Notification;
import dev.fieldguide.orders.orders.OrderAccess;
import dev.fieldguide.orders.security.Caller;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The notifications sent about one order: what {@link NotificationConsumer} wrote, read back for
 * the order's customer. One statement answers both "does the order exist, and whose is it?" and
 * "what was sent?", through {@code notifications_order_id_idx} (V29).
 *
 * <p>On the primary, not a replica read: a client reads this right after placing the order, and
 * a lagging replica would answer 404 for an order that exists. The list is short by construction
 * (one row per order event the consumer handles, once each through the inbox), so it is not paged.
 */
@Component
class OrderNotifications {

  /** The query, exactly as sent; the plan test explains it. */
  static final String SQL = """
      SELECT o.customer_id, n.id, n.message, n.created_at
      FROM orders o LEFT JOIN notifications n ON n.order_id = o.id
      WHERE o.id = ?
      ORDER BY n.id
      """;

  private final JdbcClient jdbc;

  OrderNotifications(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The order's notifications, oldest first; empty until the worker has consumed its event. A
   * missing order and another customer's order are the same 404, as everywhere orders are read.
   */
  OrderNotificationsResponse of(long orderId, Caller caller) {
    List<Row> rows = jdbc.sql(SQL).param(orderId).query((rs, n) -> new Row(rs.getLong(1),
        rs.getObject(2) == null
            ? null
            : new Notification(rs.getLong(2), rs.getString(3),
                rs.getObject(4, OffsetDateTime.class).toInstant())))
        .list();
    if (rows.isEmpty()) {
      throw new NotFoundException("order", orderId);
    }
    OrderAccess.requireVisible(orderId, rows.getFirst().customerId(), caller);
    return new OrderNotificationsResponse(orderId,
        rows.stream().map(Row::notification).filter(Objects::nonNull).toList());
  }

  /** A row of the join: the order's customer, and a notification (null when none was sent). */
  private record Row(long customerId, @Nullable Notification notification) {}
}
