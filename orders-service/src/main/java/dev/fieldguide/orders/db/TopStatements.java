package dev.fieldguide.orders.db;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * PG1: the statements this database spends the most time on, from {@code pg_stat_statements} —
 * the first place to look when "the database is slow", before any single EXPLAIN.
 *
 * <p>The extension needs the server to preload its library ({@code shared_preload_libraries}, set
 * in docker-compose.yml) and a {@code CREATE EXTENSION} in the database. Where either is missing
 * the report says so instead of failing: a plain local PostgreSQL has neither.
 */
@Service
class TopStatements {

  private final JdbcClient jdbc;

  TopStatements(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * On the primary, not a {@code @ReplicaRead}: a standby keeps statistics of its own (the
   * queries it ran), and the statements that cost the primary are the ones asked for here.
   */
  @Transactional(readOnly = true)
  public Report top(int limit) {
    boolean created = jdbc
        .sql("SELECT EXISTS (SELECT FROM pg_extension WHERE extname = 'pg_stat_statements')")
        .query(Boolean.class).single();
    if (!created) {
      return Report.unavailable("the pg_stat_statements extension is not created in this"
          + " database (CREATE EXTENSION pg_stat_statements)");
    }
    boolean preloaded = jdbc.sql("SELECT current_setting('shared_preload_libraries')")
        .query(String.class).single().contains("pg_stat_statements");
    if (!preloaded) {
      return Report.unavailable("the server does not preload pg_stat_statements"
          + " (shared_preload_libraries)");
    }
    List<Statement> statements = jdbc.sql("""
        SELECT queryid, calls, total_exec_time, mean_exec_time, rows,
               shared_blks_hit, shared_blks_read, left(query, 500)
        FROM pg_stat_statements
        WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
        ORDER BY total_exec_time DESC
        LIMIT ?
        """).param(limit).query((rs, row) -> new Statement(rs.getLong(1), rs.getLong(2),
        rs.getDouble(3), rs.getDouble(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
        rs.getString(8))).list();
    return new Report(true, null, statements);
  }

  /** The report: the statements, or why there are none. */
  public record Report(boolean available, @Nullable String reason, List<Statement> statements) {

    static Report unavailable(String reason) {
      return new Report(false, reason, List.of());
    }
  }

  /** One normalised statement: its totals since the statistics were last reset. */
  public record Statement(long queryId, long calls, double totalMillis, double meanMillis,
      long rows, long sharedBlocksHit, long sharedBlocksRead, String query) {}
}
