package dev.fieldguide.orders.stock;

import dev.fieldguide.orders.catalog.ProductStock;
import java.util.Collection;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stock levels for CheckStock: one {@code SELECT ... WHERE id = ANY(?)} for the whole batch.
 *
 * <p>Read-only on the primary, not a {@code @ReplicaRead} (D7): a caller checks, reserves, and
 * checks again, and a check that lags behind its own reservation would show units already taken.
 * The authority is still ReserveStock's conditional decrement; the check is one indexed query.
 */
@Service
class StockAvailability {

  private final JdbcClient jdbc;
  private final ProductStock stock;

  StockAvailability(JdbcClient jdbc, ProductStock stock) {
    this.jdbc = jdbc;
    this.stock = stock;
  }

  /** Units available per existing id; ids without a product are absent from the map. */
  @Transactional(readOnly = true)
  Map<Long, Integer> of(Collection<Long> productIds, CallDeadline deadline) {
    deadline.boundStatements(jdbc);
    return stock.available(productIds);
  }
}
