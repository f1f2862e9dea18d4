package dev.fieldguide.orders.reporting;

import dev.fieldguide.orders.support.OrderBuilder;
import dev.fieldguide.orders.support.TestData;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Orders at chosen times and statuses, for products of their own, so tests know every total. */
final class SalesFixture {

  /** One line of an order: product, quantity, unit price in cents. */
  record Line(long productId, int quantity, long unitPriceCents) {}

  /** One row of the report as a test expects it: orders, units, revenue. */
  record Totals(long orders, long units, long revenueCents) {}

  private final TestData data;
  private final JdbcClient jdbc;
  private final long customerId;

  SalesFixture(TestData data, JdbcClient jdbc) {
    this.data = data;
    this.jdbc = jdbc;
    this.customerId = data.aCustomer().named("Report customer").create();
  }

  long product() {
    return data.aProduct().named("Report product").priced(100).create();
  }

  long order(Instant createdAt, String status, Line... lines) {
    OrderBuilder order = data.anOrder().forCustomer(customerId).inStatus(status)
        .createdAt(createdAt);
    for (Line line : lines) {
      order.withLine(line.productId(), line.quantity(), line.unitPriceCents());
    }
    return order.create();
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
