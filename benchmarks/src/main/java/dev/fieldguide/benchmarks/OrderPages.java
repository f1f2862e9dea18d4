package dev.fieldguide.benchmarks;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A customer's orders, newest first, with customer and lines: the two statements the service's
 * order list sends (OrderListing, as Hibernate renders its JPQL), column for column, so both
 * apps ask PostgreSQL for exactly the same work. The columns neither app shows (the customer's
 * {@code created_at}, the product's price, stock and attributes) are selected all the same.
 */
@Component
class OrderPages {

  private static final String ORDERS_WITH_CUSTOMER = """
      select o1_0.id,o1_0.created_at,o1_0.customer_id,c1_0.id,c1_0.created_at,c1_0.email,\
      c1_0.name,o1_0.status,o1_0.total_cents from orders o1_0 join customers c1_0 \
      on c1_0.id=o1_0.customer_id where true and c1_0.id=:customerId""";
  private static final String AFTER = " and (o1_0.created_at,o1_0.id)<(:createdAt,:id)";
  private static final String NEWEST_FIRST = " order by o1_0.created_at desc,o1_0.id desc"
      + " fetch first :rows rows only";
  private static final String LINES_WITH_PRODUCT = """
      select ol1_0.id,ol1_0.order_id,ol1_0.product_id,p1_0.id,p1_0.attributes,p1_0.name,\
      p1_0.price_cents,p1_0.sku,p1_0.stock,ol1_0.quantity,ol1_0.unit_price_cents \
      from order_lines ol1_0 join products p1_0 on p1_0.id=ol1_0.product_id \
      where ol1_0.order_id in (:orderIds) order by ol1_0.id""";

  private final JdbcClient jdbc;

  OrderPages(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Up to {@code limit} orders after {@code after}, and the position of the next page if any. */
  Page page(long customerId, int limit, @Nullable Position after) {
    var orders = jdbc.sql(ORDERS_WITH_CUSTOMER + (after == null ? "" : AFTER) + NEWEST_FIRST)
        .param("customerId", customerId).param("rows", limit + 1);
    if (after != null) {
      orders = orders.param("createdAt", after.createdAt().atOffset(ZoneOffset.UTC))
          .param("id", after.id());
    }
    List<OrderRow> rows = orders.query((rs, row) -> new OrderRow(rs.getLong(1),
        rs.getObject(2, OffsetDateTime.class).toInstant(),
        new Customer(rs.getLong(4), rs.getString(6), rs.getString(7)), rs.getString(8),
        rs.getLong(9))).list();
    List<OrderRow> page = rows.size() > limit ? rows.subList(0, limit) : rows;
    Map<Long, List<Line>> lines = linesOf(page);
    List<Order> items = page.stream().map(order -> order.with(lines.getOrDefault(order.id(),
        List.of()))).toList();
    Position next = rows.size() > limit
        ? new Position(page.getLast().createdAt(), page.getLast().id())
        : null;
    return new Page(items, next);
  }

  private Map<Long, List<Line>> linesOf(List<OrderRow> orders) {
    Map<Long, List<Line>> lines = new LinkedHashMap<>();
    if (orders.isEmpty()) {
      return lines;
    }
    jdbc.sql(LINES_WITH_PRODUCT).param("orderIds", orders.stream().map(OrderRow::id).toList())
        .query(rs -> {
          lines.computeIfAbsent(rs.getLong(2), order -> new ArrayList<>()).add(
              new Line(rs.getLong(3), rs.getString(6), rs.getInt(10), rs.getLong(11)));
        });
    return lines;
  }

  /** Where a page ends in the list's order: the keyset the next page continues after. */
  record Position(Instant createdAt, long id) {}

  record Page(List<Order> items, @Nullable Position next) {}

  /** The order as the service's version 1 shows it. */
  record Order(long id, String status, long totalCents, Instant createdAt, Customer customer,
      List<Line> lines) {}

  record Customer(long id, String email, String name) {}

  record Line(long productId, String productName, int quantity, long unitPriceCents) {}

  private record OrderRow(long id, Instant createdAt, Customer customer, String status,
      long totalCents) {
    Order with(List<Line> lines) {
      return new Order(id, status, totalCents, createdAt, customer, lines);
    }
  }
}
