package dev.fieldguide.orders.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Orders at chosen times and statuses, for products of their own, so tests know every total. */
final class SalesFixture {

  /** One line of an order: product, quantity, unit price in cents. */
  record Line(long productId, int quantity, long unitPriceCents) {}

  /** One row of the report as a test expects it: orders, units, revenue. */
  record Totals(long orders, long units, long revenueCents) {}

  private final JdbcClient jdbc;
  private final long customerId;

  SalesFixture(JdbcClient jdbc) {
    this.jdbc = jdbc;
    String tag = UUID.randomUUID().toString();
    this.customerId = jdbc.sql("INSERT INTO customers (email, name) VALUES (?, ?) RETURNING id")
        .params(tag + "@example.test", "Report " + tag).query(Long.class).single();
  }

  long product() {
    return jdbc.sql("""
        INSERT INTO products (sku, name, price_cents, stock) VALUES (?, ?, 100, 100) RETURNING id
        """).params("R-" + UUID.randomUUID(), "Report product").query(Long.class).single();
  }

  long order(Instant createdAt, String status, Line... lines) {
    long total = List.of(lines).stream().mapToLong(l -> l.quantity() * l.unitPriceCents()).sum();
    long orderId = jdbc.sql("""
        INSERT INTO orders (customer_id, status, total_cents, created_at) VALUES (?, ?, ?, ?)
        RETURNING id
        """).params(customerId, status, total, createdAt.atOffset(ZoneOffset.UTC))
        .query(Long.class).single();
    for (Line line : lines) {
      jdbc.sql("""
          INSERT INTO order_lines (order_id, product_id, quantity, unit_price_cents)
          VALUES (?, ?, ?, ?)
          """).params(orderId, line.productId(), line.quantity(), line.unitPriceCents()).update();
    }
    return orderId;
  }

  /** The view's rows for these products, keyed "day/product". */
  Map<String, Totals> viewRows(List<Long> products) {
    return rows("""
        SELECT day, product_id, orders, units, revenue_cents FROM daily_product_sales
        WHERE product_id = ANY (?)
        """, products);
  }

  /** The same question answered live from orders and lines, the way the view defines it. */
  Map<String, Totals> liveRows(List<Long> products) {
    return rows("""
        SELECT (o.created_at AT TIME ZONE 'UTC')::date, l.product_id, count(*),
               sum(l.quantity), sum(l.quantity * l.unit_price_cents)
        FROM orders o JOIN order_lines l ON l.order_id = o.id
        WHERE o.status <> 'CANCELLED' AND l.product_id = ANY (?)
        GROUP BY 1, 2
        """, products);
  }

  private Map<String, Totals> rows(String sql, List<Long> products) {
    return jdbc.sql(sql).param(products.toArray(Long[]::new))
        .query((rs, row) -> Map.entry(rs.getObject(1, LocalDate.class) + "/"
            + rs.getLong(2), new Totals(rs.getLong(3), rs.getLong(4), rs.getLong(5))))
        .list().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }
}
