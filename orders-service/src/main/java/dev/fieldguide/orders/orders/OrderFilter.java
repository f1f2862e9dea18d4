package dev.fieldguide.orders.orders;

import org.jspecify.annotations.Nullable;

/** The optional filters of the order list; each one maps to an index that leads with it. */
public record OrderFilter(@Nullable Long customerId, @Nullable OrderStatus status) {

  public static final OrderFilter NONE = new OrderFilter(null, null);

  /** A canonical form, bound into cursors so a cursor cannot be reused under other filters. */
  String canonical() {
    return "customerId=" + (customerId == null ? "" : customerId) + "&status="
        + (status == null ? "" : status.name());
  }
}
