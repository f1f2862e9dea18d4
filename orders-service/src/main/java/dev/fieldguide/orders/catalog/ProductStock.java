package dev.fieldguide.orders.catalog;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stock column's two operations, shared by everything that reads or takes stock (order
 * placement over REST, the internal gRPC stock service): how many units are available, and taking
 * units only if they are there.
 */
@Component
public class ProductStock {

  private final JdbcClient jdbc;

  ProductStock(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Takes {@code quantity} units of a product with one conditional UPDATE: the check and the
   * decrement are a single atomic statement, so two concurrent callers can never both take the
   * last unit, and stock never goes negative. Must run inside the caller's transaction, so a later
   * failure gives the units back.
   *
   * @return false when the product has fewer units than asked for, or does not exist (the caller
   *     tells those apart if it needs to)
   */
  public boolean take(long productId, int quantity) {
    return jdbc.sql("UPDATE products SET stock = stock - ? WHERE id = ? AND stock >= ?")
        .params(quantity, productId, quantity).update() == 1;
  }

  /** Units available now for each of {@code productIds} that exists, in ascending id order. */
  public Map<Long, Integer> available(Collection<Long> productIds) {
    Map<Long, Integer> levels = new LinkedHashMap<>();
    jdbc.sql("SELECT id, stock FROM products WHERE id = ANY(?) ORDER BY id")
        .param(productIds.toArray(Long[]::new))
        .query(rs -> {
          levels.put(rs.getLong(1), rs.getInt(2));
        });
    return levels;
  }

  /** Whether a product with this id exists; tells "no such product" from "not enough stock". */
  public boolean exists(long productId) {
    return jdbc.sql("SELECT EXISTS (SELECT 1 FROM products WHERE id = ?)").param(productId)
        .query(Boolean.class).single();
  }
}
