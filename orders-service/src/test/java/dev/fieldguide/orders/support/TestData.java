package dev.fieldguide.orders.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test-data builder: inserts exactly what a test needs with unique keys, so tests never depend on
 * each other's rows or on the demo seed.
 */
@TestComponent
public class TestData {

  private final JdbcClient jdbc;

  TestData(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long customer() {
    String tag = UUID.randomUUID().toString();
    return jdbc.sql("INSERT INTO customers (email, name) VALUES (?, ?) RETURNING id")
        .params(tag + "@example.test", "Test " + tag).query(Long.class).single();
  }

  public long product(String name, long priceCents, Map<String, String> attributes) {
    String attributesJson = attributes.entrySet().stream()
        .map(e -> "\"%s\": \"%s\"".formatted(e.getKey(), e.getValue()))
        .reduce((a, b) -> a + ", " + b).map(s -> "{" + s + "}").orElse("{}");
    return jdbc.sql("""
        INSERT INTO products (sku, name, price_cents, stock, attributes)
        VALUES (?, ?, ?, 100, ?::jsonb) RETURNING id
        """).params("T-" + UUID.randomUUID(), name, priceCents, attributesJson)
        .query(Long.class).single();
  }

  /** A new product priced {@code priceCents} with exactly {@code stock} units. */
  public long productWithStock(long priceCents, int stock) {
    long id = product("Stocked " + UUID.randomUUID(), priceCents, Map.of());
    jdbc.sql("UPDATE products SET stock = ? WHERE id = ?").params(stock, id).update();
    return id;
  }

  public int stockOf(long productId) {
    return jdbc.sql("SELECT stock FROM products WHERE id = ?").param(productId)
        .query((rs, row) -> rs.getInt(1)).single();
  }

  /** How many rows {@code table} has; for "nothing was written" checks. */
  public long count(String table) {
    return jdbc.sql("SELECT count(*) FROM " + table).query((rs, row) -> rs.getLong(1)).single();
  }

  /** An order of a new customer with {@code lineCount} lines of new products. */
  public PlacedOrder orderWithLines(int lineCount) {
    long customerId = customer();
    List<Long> productIds = new ArrayList<>();
    List<String> names = new ArrayList<>();
    long total = 0;
    for (int i = 1; i <= lineCount; i++) {
      String name = "Product " + i + " " + UUID.randomUUID();
      productIds.add(product(name, 100L * i, Map.of()));
      names.add(name);
      total += 100L * i * i;
    }
    long orderId = jdbc.sql("""
        INSERT INTO orders (customer_id, status, total_cents) VALUES (?, 'NEW', ?) RETURNING id
        """).params(customerId, total).query(Long.class).single();
    for (int i = 1; i <= lineCount; i++) {
      jdbc.sql("""
          INSERT INTO order_lines (order_id, product_id, quantity, unit_price_cents)
          VALUES (?, ?, ?, ?)
          """).params(orderId, productIds.get(i - 1), i, 100L * i).update();
    }
    String email = jdbc.sql("SELECT email FROM customers WHERE id = ?").param(customerId)
        .query(String.class).single();
    return new PlacedOrder(orderId, email, List.copyOf(names));
  }

  /** {@code count} orders, each of its own new customer, each with {@code linesEach} new products. */
  public List<PlacedOrder> orders(int count, int linesEach) {
    List<PlacedOrder> orders = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      orders.add(orderWithLines(linesEach));
    }
    return orders;
  }

  /** A one-line order of {@code customerId} for one unit of {@code productId}. */
  public long orderOf(long customerId, long productId) {
    long orderId = jdbc.sql("""
        INSERT INTO orders (customer_id, status, total_cents)
        SELECT ?, 'NEW', price_cents FROM products WHERE id = ? RETURNING id
        """).params(customerId, productId).query(Long.class).single();
    jdbc.sql("""
        INSERT INTO order_lines (order_id, product_id, quantity, unit_price_cents)
        SELECT ?, id, 1, price_cents FROM products WHERE id = ?
        """).params(orderId, productId).update();
    return orderId;
  }

  /** {@code count} one-line orders of {@code customerId}, as {@link #orderOf}. */
  public List<Long> ordersOf(long customerId, long productId, int count) {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(orderOf(customerId, productId));
    }
    return ids;
  }

  /** What a test needs to know about an order it created. */
  public record PlacedOrder(long orderId, String customerEmail, List<String> productNames) {}
}
