package dev.fieldguide.orders.notifications;

import dev.fieldguide.orders.orders.Order;
import dev.fieldguide.orders.webhooks.WebhookMessage;
import java.util.Currency;
import java.util.UUID;

/**
 * What subscribers are told about an order event: a public contract of its own, so the stream
 * event can change shape (a new version, more members) without changing what they receive.
 */
final class OrderWebhooks {

  private OrderWebhooks() {}

  /** {@code order.placed} version 1: the order, its customer and its total. */
  static WebhookMessage placed(Order.OrderPlaced placed, UUID eventId, Currency currency) {
    return new WebhookMessage(eventId, "order.placed", 1, placed.placedAt(),
        new Placed(placed.orderId(), placed.customerId(), placed.totalCents(),
            currency.getCurrencyCode()));
  }

  /** The data of {@code order.placed} v1; the total in minor units of {@code currency}. */
  record Placed(long orderId, long customerId, long totalCents, String currency) {}
}
