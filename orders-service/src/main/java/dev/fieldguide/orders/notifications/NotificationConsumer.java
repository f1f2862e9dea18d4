package dev.fieldguide.orders.notifications;

import dev.fieldguide.orders.orders.Order;
import dev.fieldguide.orders.outbox.EventConsumer;
import dev.fieldguide.orders.outbox.EventMetadata;
import dev.fieldguide.orders.webhooks.WebhookDeliveries;
import java.util.Currency;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Consumer {@code notifications}: tells the customer their order was placed (a row stands in) and
 * the webhook subscribers too (a delivery per endpoint), both in the inbox's transaction.
 */
@Component
class NotificationConsumer implements EventConsumer<Order.OrderPlaced> {

  private final JdbcClient jdbc;
  private final WebhookDeliveries webhooks;
  private final Currency currency;

  NotificationConsumer(JdbcClient jdbc, WebhookDeliveries webhooks,
      @Value("${fieldguide.currency:EUR}") Currency currency) {
    this.jdbc = jdbc;
    this.webhooks = webhooks;
    this.currency = currency;
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
    webhooks.enqueue(OrderWebhooks.placed(placed, metadata.eventId(), currency));
  }
}
