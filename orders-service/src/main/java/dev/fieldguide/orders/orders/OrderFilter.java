package dev.fieldguide.orders.orders;

import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** The optional filters of the order list; each one maps to an index that leads with it. */
public record OrderFilter(@Nullable Long customerId, @Nullable OrderStatus status) {

  public static final OrderFilter NONE = new OrderFilter(null, null);

  /**
   * The filters as cursors bind them, one entry per filter given, so a cursor cannot be reused
   * under other filters.
   */
  SortedMap<String, String> canonical() {
    SortedMap<String, String> canonical = new TreeMap<>();
    if (customerId != null) {
      canonical.put("customerId", customerId.toString());
    }
    if (status != null) {
      canonical.put("status", status.name());
    }
    return canonical;
  }
}
