package dev.fieldguide.orders.orders;

/**
 * Where an order is in its life; the database CHECK constraint lists the same values. The way
 * through is NEW → PAID → SHIPPED → DELIVERED, and an order not yet shipped may be CANCELLED.
 */
public enum OrderStatus {
  NEW, PAID, SHIPPED, DELIVERED, CANCELLED;

  /** Whether an order in this status may move to {@code next}. */
  boolean mayBecome(OrderStatus next) {
    return switch (this) {
      case NEW -> next == PAID || next == CANCELLED;
      case PAID -> next == SHIPPED || next == CANCELLED;
      case SHIPPED -> next == DELIVERED;
      case DELIVERED, CANCELLED -> false;
    };
  }
}
