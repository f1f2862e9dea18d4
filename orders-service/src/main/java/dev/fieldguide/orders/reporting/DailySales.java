package dev.fieldguide.orders.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A daily sales report: the rows of the asked range (and product, if one was asked for), and as
 * of when they are true. {@code ageSeconds} is how long ago that was when the report was read.
 */
record DailySales(LocalDate from, LocalDate to, @Nullable Long productId, Instant asOf,
    long ageSeconds, List<Row> items) {

  /** One product's sales on one UTC day; money in cents. */
  public record Row(LocalDate day, long productId, long orders, long units, long revenueCents) {}
}
