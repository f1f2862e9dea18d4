package dev.fieldguide.orders.orders;

import java.time.Instant;

/**
 * D2's {@code only()}/{@code values()}: the four columns a summary list shows, selected as a
 * record straight from the query — no entity, no customer, no lines, no dirty checking.
 */
record OrderSummary(long id, OrderStatus status, long totalCents, Instant createdAt) {

  OrderPosition position() {
    return new OrderPosition(createdAt, id);
  }
}
