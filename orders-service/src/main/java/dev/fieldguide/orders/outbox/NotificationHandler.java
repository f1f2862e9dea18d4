package dev.fieldguide.orders.outbox;

import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Consumer {@code notifications}: tells the customer their order was placed (a row stands in). */
@Component
class NotificationHandler implements EventHandler {

  private final JdbcClient jdbc;
  private final JsonMapper json;

  NotificationHandler(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  @Override
  public String consumer() {
    return "notifications";
  }

  @Override
  public void apply(Map<String, String> message) {
    EventHandler.orderPlaced(message, json).ifPresent(order -> jdbc
        .sql("INSERT INTO notifications (order_id, customer_id, message) VALUES (?, ?, ?)")
        .params(order.path("orderId").asLong(), order.path("customerId").asLong(),
            "Your order %d is placed.".formatted(order.path("orderId").asLong()))
        .update());
  }
}
