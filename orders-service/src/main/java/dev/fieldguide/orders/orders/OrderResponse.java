package dev.fieldguide.orders.orders;

import java.time.Instant;
import java.util.List;

/** An order as version 1 of the API shows it: money in integer cents. */
public record OrderResponse(long id, String status, long totalCents, Instant createdAt,
    CustomerSummary customer, List<Line> lines) {

  /** The buyer, embedded so a client needs no second call. */
  public record CustomerSummary(long id, String email, String name) {}

  /** One line with the product's name, so the client needs no product lookups. */
  public record Line(long productId, String productName, int quantity, long unitPriceCents) {}

  /** The response for an order whose customer and lines (with products) are loaded. */
  public static OrderResponse of(Order order, List<OrderLine> lines) {
    return withLines(order, lines.stream()
        .map(line -> new Line(line.getProduct().getId(), line.getProduct().getName(),
            line.getQuantity(), line.getUnitPriceCents()))
        .toList());
  }

  /** The response for an order whose customer is loaded, with lines read as rows. */
  static OrderResponse withLines(Order order, List<Line> lines) {
    Customer customer = order.getCustomer();
    return new OrderResponse(order.getId(), order.getStatus().name(), order.getTotalCents(),
        order.getCreatedAt(),
        new CustomerSummary(customer.getId(), customer.getEmail(), customer.getName()), lines);
  }
}
