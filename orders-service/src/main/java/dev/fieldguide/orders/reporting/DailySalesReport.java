package dev.fieldguide.orders.reporting;

import dev.fieldguide.orders.db.ReplicaRead;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * PG8: reads daily sales from the materialized view, never from the live tables, in a {@link
 * ReplicaRead} transaction, which runs on the replica pool: the view is minutes old by design, so
 * the replication lag adds little.
 *
 * <p>The as-of time is read before the rows: if a refresh commits in between, the rows are newer
 * than stated, never older. Both statements run under a short {@code lock_timeout} and a {@code
 * statement_timeout}, so a report read fails fast rather than queue behind an exclusive lock.
 */
@Service
public class DailySalesReport {

  /** Every product, these days: a range on the unique index {@code (day, product_id)}. */
  public static final String ALL_PRODUCTS = """
      SELECT day, product_id, orders, units, revenue_cents FROM daily_product_sales
      WHERE day BETWEEN ? AND ?
      ORDER BY day, product_id
      """;
  /** One product, these days: the index {@code (product_id, day)}. */
  static final String ONE_PRODUCT = """
      SELECT day, product_id, orders, units, revenue_cents FROM daily_product_sales
      WHERE product_id = ? AND day BETWEEN ? AND ?
      ORDER BY day
      """;

  private final JdbcClient jdbc;
  private final DailySalesView view;
  private final ReportingProperties properties;

  DailySalesReport(JdbcClient jdbc, DailySalesView view, ReportingProperties properties) {
    this.jdbc = jdbc;
    this.view = view;
    this.properties = properties;
  }

  /** Days {@code from} to {@code to}, both included (UTC days), of one product or of all. */
  @ReplicaRead
  public DailySales read(LocalDate from, LocalDate to, @Nullable Long productId) {
    jdbc.sql("SELECT set_config('lock_timeout', ?, true), set_config('statement_timeout', ?, true)")
        .params(properties.readLockTimeout().toMillis() + "ms",
            properties.readStatementTimeout().toMillis() + "ms")
        .query((rs, row) -> rs.getString(1)).single();
    Instant asOf = view.lastRefreshed()
        .orElseThrow(() -> new ReportNotReadyException(DailySalesView.VIEW));
    var query = productId == null
        ? jdbc.sql(ALL_PRODUCTS).params(from, to)
        : jdbc.sql(ONE_PRODUCT).params(productId, from, to);
    List<DailySales.Row> rows = query
        .query((rs, row) -> new DailySales.Row(rs.getObject(1, LocalDate.class), rs.getLong(2),
            rs.getLong(3), rs.getLong(4), rs.getLong(5)))
        .list();
    long age = Math.max(0, Duration.between(asOf, Instant.now()).toSeconds());
    return new DailySales(from, to, productId, asOf, age, rows);
  }
}
