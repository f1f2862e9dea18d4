package dev.fieldguide.orders.reporting;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PG8: refreshes the {@code daily_product_sales} materialized view and records when, in the
 * refresh's own transaction ({@code report_refreshes}).
 *
 * <p>{@code REFRESH MATERIALIZED VIEW CONCURRENTLY} builds the new result beside the old one and
 * applies the difference row by row through the unique index; it takes an EXCLUSIVE lock, which
 * blocks other refreshes but not readers, so reports keep reading the previous rows the whole
 * time. A plain {@code REFRESH} swaps the storage under an ACCESS EXCLUSIVE lock that blocks every
 * reader until it commits. The concurrent form needs data to diff against, so the very first
 * refresh of a view created {@code WITH NO DATA} is a plain one (there are no readers yet: an
 * unpopulated view cannot be read).
 *
 * <p>Both statements run with a {@code lock_timeout} (do not queue behind DDL and make readers
 * queue behind us) and a {@code statement_timeout} below the refresh period.
 */
@Component
@EnableConfigurationProperties(ReportingProperties.class)
public class DailySalesView {

  static final String VIEW = "daily_product_sales";

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final ReportingProperties properties;

  DailySalesView(JdbcClient jdbc, TransactionTemplate transactions,
      ReportingProperties properties) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.properties = properties;
  }

  /** What one refresh did: whether it could run concurrently, how long it took, its as-of time. */
  public record Refresh(boolean concurrently, long durationMillis, Instant asOf) {}

  /** Refreshes the view now, in its own transaction (or the caller's, when there is one). */
  public Refresh refresh() {
    return Objects.requireNonNull(transactions.execute(status -> {
      jdbc.sql(
          "SELECT set_config('lock_timeout', ?, true), set_config('statement_timeout', ?, true)")
          .params(properties.refreshLockTimeout().toMillis() + "ms",
              properties.refreshStatementTimeout().toMillis() + "ms")
          .query((rs, row) -> rs.getString(1)).single();
      boolean populated = jdbc.sql("SELECT relispopulated FROM pg_class WHERE oid = ?::regclass")
          .param(VIEW).query(Boolean.class).single();
      long started = System.nanoTime();
      jdbc.sql(populated
          ? "REFRESH MATERIALIZED VIEW CONCURRENTLY " + VIEW
          : "REFRESH MATERIALIZED VIEW " + VIEW).update();
      long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
      OffsetDateTime asOf = jdbc
          .sql(
              """
                  UPDATE report_refreshes SET refreshed_at = now(), duration_ms = ?, refreshed_concurrently = ?
                  WHERE view_name = ? RETURNING refreshed_at
                  """)
          .params(millis, populated, VIEW).query(OffsetDateTime.class).single();
      return new Refresh(populated, millis, asOf.toInstant());
    }));
  }

  /** When the view's data was taken, as recorded by the last refresh; empty before the first. */
  public Optional<Instant> lastRefreshed() {
    return jdbc.sql("""
        SELECT refreshed_at FROM report_refreshes
        WHERE view_name = ? AND refreshed_at IS NOT NULL
        """).param(VIEW).query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant);
  }
}
