package dev.fieldguide.orders.notifications;

import dev.fieldguide.orders.orders.Order;
import dev.fieldguide.orders.outbox.EventConsumer;
import dev.fieldguide.orders.outbox.EventMetadata;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Consumer {@code notifications}: tells the customer their order was placed (a row stands in). */
@Component
class NotificationConsumer implements EventConsumer<Order.OrderPlaced> {

  private final JdbcClient jdbc;

  NotificationConsumer(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String name() {
    return "notifications";
  }

  @Override
  public Class<Order.OrderPlaced> eventType() {
    return Order.OrderPlaced.class;
  }

  @Override
  public void apply(Order.OrderPlaced placed, EventMetadata metadata) {
    jdbc.sql("INSERT INTO notifications (order_id, customer_id, message) VALUES (?, ?, ?)")
        .params(placed.orderId(), placed.customerId(),
            "Your order %d is placed.".formatted(placed.orderId()))
        .update();
  }
}
