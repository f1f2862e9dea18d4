package dev.fieldguide.orders.orders;

import java.time.Instant;
import java.util.Currency;
import java.util.List;

/**
 * An order as version 2 shows it. The one breaking change from v1: money is {@link Money}
 * ({@code totalCents} becomes {@code total}, {@code unitPriceCents} becomes {@code unitPrice}).
 */
record OrderV2Response(long id, String status, Money total, Instant createdAt,
    OrderResponse.CustomerSummary customer, List<Line> lines) {

  /** One line, priced in {@link Money}. */
  public record Line(long productId, String productName, int quantity, Money unitPrice) {}

  /** Both versions read through the same queries; v2 only changes the representation. */
  static OrderV2Response from(OrderResponse v1, Currency currency) {
    return new OrderV2Response(v1.id(), v1.status(), Money.ofMinorUnits(v1.totalCents(), currency),
        v1.createdAt(), v1.customer(),
        v1.lines().stream().map(line -> new Line(line.productId(), line.productName(),
            line.quantity(), Money.ofMinorUnits(line.unitPriceCents(), currency))).toList());
  }
}
