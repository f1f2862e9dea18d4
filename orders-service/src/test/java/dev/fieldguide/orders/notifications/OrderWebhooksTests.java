package dev.fieldguide.orders.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.orders.Order;
import dev.fieldguide.orders.webhooks.WebhookMessage;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a subscriber receives for a placed order: a contract, so its exact shape is pinned. */
class OrderWebhooksTests {

  @Test
  void aPlacedOrderIsAnOrderPlacedVersionOneWebhookWithItsIdsTotalAndCurrency() {
    UUID eventId = UUID.fromString("686323d4-5d0e-4a39-9d0b-1c5b8e2f6a10");
    var placed = new Order.OrderPlaced(1842, 17, 6500,
        Instant.parse("2026-05-01T10:15:30.123456Z"),
        List.of(new Order.OrderPlaced.PlacedLine(11, 2, 1250)));

    WebhookMessage message = OrderWebhooks.placed(placed, eventId, Currency.getInstance("EUR"));

    // The lines stay out: a subscriber that needs them asks the API, which checks its access.
    assertThat(message.toJson()).isEqualTo("""
        {"id":"686323d4-5d0e-4a39-9d0b-1c5b8e2f6a10","type":"order.placed","version":1,\
        "timestamp":"2026-05-01T10:15:30.123456Z","data":{"orderId":1842,"customerId":17,\
        "totalCents":6500,"currency":"EUR"}}""");
  }
}
