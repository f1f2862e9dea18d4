package dev.fieldguide.orders.support;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An order's rows for a test ({@code TestData.anOrder()}): the order and its lines, with the total
 * they add up to. It writes rows the way a report or a list reads them; it does not place the
 * order (no stock is taken, no event is written): a test of placing posts to the API.
 */
public final class OrderBuilder {

  private final JdbcClient jdbc;
  private @Nullable Long customerId;
  private final List<Line> lines = new ArrayList<>();
  private String status = "NEW";
  private @Nullable Instant createdAt;

  OrderBuilder(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The customer who ordered; a new customer if the test does not say. */
  public OrderBuilder forCustomer(long customerId) {
    this.customerId = customerId;
    return this;
  }

  /** A line of {@code quantity} units at the product's current price. */
  public OrderBuilder withLine(long productId, int quantity) {
    lines.add(new Line(productId, quantity, null));
    return this;
  }

  /** A line of {@code quantity} units at {@code unitPriceCents}, whatever the product costs now. */
  public OrderBuilder withLine(long productId, int quantity, long unitPriceCents) {
    lines.add(new Line(productId, quantity, unitPriceCents));
    return this;
  }

  public OrderBuilder inStatus(String status) {
    this.status = status;
    return this;
  }

  /** When it was ordered; the database's {@code now()} if the test does not say. */
  public OrderBuilder createdAt(Instant createdAt) {
    this.createdAt = createdAt;
    return this;
  }

  /** Inserts the order and its lines; the order's id. */
  public long create() {
    long customer = customerId != null ? customerId : new CustomerBuilder(jdbc).create();
    Map<Long, Long> prices = currentPrices();
    List<PricedLine> priced = lines.stream().map(line -> new PricedLine(line.productId(),
        line.quantity(), line.unitPriceCents() != null
            ? line.unitPriceCents()
            : Objects.requireNonNull(prices.get(line.productId()),
                () -> "no product " + line.productId())))
        .toList();
    long total = priced.stream().mapToLong(line -> line.quantity() * line.unitPriceCents()).sum();
    Instant at = createdAt;
    JdbcClient.StatementSpec insert = at == null
        ? jdbc.sql("""
            INSERT INTO orders (customer_id, status, total_cents) VALUES (?, ?, ?) RETURNING id
            """).params(customer, status, total)
        : jdbc.sql("""
            INSERT INTO orders (customer_id, status, total_cents, created_at)
            VALUES (?, ?, ?, ?) RETURNING id
            """).params(customer, status, total, at.atOffset(ZoneOffset.UTC));
    long orderId = insert.query(Long.class).single();
    for (PricedLine line : priced) {
      jdbc.sql("""
          INSERT INTO order_lines (order_id, product_id, quantity, unit_price_cents)
          VALUES (?, ?, ?, ?)
          """).params(orderId, line.productId(), line.quantity(), line.unitPriceCents())
          .update();
    }
    return orderId;
  }

  private Map<Long, Long> currentPrices() {
    Long[] unpriced = lines.stream().filter(line -> line.unitPriceCents() == null)
        .map(Line::productId).distinct().toArray(Long[]::new);
    if (unpriced.length == 0) {
      return Map.of();
    }
    return jdbc.sql("SELECT id, price_cents FROM products WHERE id = ANY (?)").param(unpriced)
        .query((rs, row) -> Map.entry(rs.getLong(1), rs.getLong(2))).list().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /** A line as the test gave it: without a price, it is the product's. */
  private record Line(long productId, int quantity, @Nullable Long unitPriceCents) {}

  private record PricedLine(long productId, int quantity, long unitPriceCents) {}
}
