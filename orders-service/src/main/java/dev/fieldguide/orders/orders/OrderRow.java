package dev.fieldguide.orders.orders;

import java.time.Instant;

/**
 * An order's own columns plus its customer's id, and nothing it would take a join to know: where
 * a reader (GraphQL) loads customers and lines itself, once per page, it starts from this.
 */
public record OrderRow(long id, long customerId, OrderStatus status, long totalCents,
    Instant createdAt) {

  OrderPosition position() {
    return new OrderPosition(createdAt, id);
  }
}
