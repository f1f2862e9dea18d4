package dev.fieldguide.orders.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test data (factory_boy's factories): fluent builders for customers, products and orders that
 * insert exactly what a test needs with unique keys, so tests never depend on each other's rows or
 * on the demo seed. Every insert of these rows in the tests goes through here; the shorthands below
 * name the shapes most tests want.
 */
@TestComponent
public class TestData {

  private final JdbcClient jdbc;

  TestData(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public CustomerBuilder aCustomer() {
    return new CustomerBuilder(jdbc);
  }

  public ProductBuilder aProduct() {
    return new ProductBuilder(jdbc);
  }

  public OrderBuilder anOrder() {
    return new OrderBuilder(jdbc);
  }

  /** A new customer. */
  public long customer() {
    return aCustomer().create();
  }

  /** A new product named {@code name} at {@code priceCents}, 100 in stock. */
  public long product(String name, long priceCents, Map<String, String> attributes) {
    return aProduct().named(name).priced(priceCents).withAttributes(attributes).create();
  }

  /** A new product priced {@code priceCents} with exactly {@code stock} units. */
  public long productWithStock(long priceCents, int stock) {
    return aProduct().priced(priceCents).withStock(stock).create();
  }

  public int stockOf(long productId) {
    return jdbc.sql("SELECT stock FROM products WHERE id = ?").param(productId)
        .query((rs, row) -> rs.getInt(1)).single();
  }

  /** How many rows {@code table} has; for "nothing was written" checks. */
  public long count(String table) {
    return jdbc.sql("SELECT count(*) FROM " + table).query((rs, row) -> rs.getLong(1)).single();
  }

  /**
   * An order of a new customer with {@code lineCount} lines of new products: line i is i units of
   * a product priced i × 1.00.
   */
  public PlacedOrder orderWithLines(int lineCount) {
    String email = UUID.randomUUID() + "@example.test";
    OrderBuilder order = anOrder().forCustomer(aCustomer().withEmail(email).create());
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= lineCount; i++) {
      String name = "Product " + i + " " + UUID.randomUUID();
      order.withLine(aProduct().named(name).priced(100L * i).create(), i, 100L * i);
      names.add(name);
    }
    return new PlacedOrder(order.create(), email, List.copyOf(names));
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
    return anOrder().forCustomer(customerId).withLine(productId, 1).create();
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
