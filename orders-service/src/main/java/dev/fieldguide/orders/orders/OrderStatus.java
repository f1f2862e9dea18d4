package dev.fieldguide.orders.orders;

/** Where an order is in its life; the database CHECK constraint lists the same values. */
public enum OrderStatus {
  NEW, PAID, SHIPPED, DELIVERED, CANCELLED
}
