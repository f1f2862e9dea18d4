package dev.fieldguide.orders.migrations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * D3, contract: {@code orders.updated_at} becomes NOT NULL without a long lock.
 *
 * <p>{@code ALTER COLUMN ... SET NOT NULL} alone scans the whole table under ACCESS EXCLUSIVE.
 * Instead: a {@code CHECK (updated_at IS NOT NULL) NOT VALID} (catalog-only: new writes are
 * checked, old rows are not), then {@code VALIDATE CONSTRAINT}, which scans under a lock that lets
 * reads and writes go on, then {@code SET NOT NULL}, which PostgreSQL 12+ proves from the validated
 * check without scanning, and the check is dropped. Each step is a short transaction of its own
 * (so the migration runs outside Flyway's transaction) and waits for its lock at most
 * {@code lock_timeout}, retrying. Each step also checks whether it is done, so a retried deploy
 * resumes where a failed one stopped.
 *
 * <p>Normally the backfill job has run before this is deployed; rows it has not reached yet (a
 * database that jumps from V14 straight to here) are backfilled first, in the same short chunks.
 */
@Component
class V16__OrdersUpdatedAtNotNull extends BaseJavaMigration {

  static final String CHECK = "orders_updated_at_not_null";
  private static final int CHUNK = 5_000;
  private final LockTimeoutRetry ddl = new LockTimeoutRetry(Duration.ofSeconds(2), 10,
      Duration.ofMillis(200));

  @Override
  public boolean canExecuteInTransaction() {
    return false;
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    backfillMissing(connection);
    if (!columnIsNotNull(connection)) {
      if (!checkExists(connection)) {
        ddl.execute(connection, "ALTER TABLE orders ADD CONSTRAINT " + CHECK
            + " CHECK (updated_at IS NOT NULL) NOT VALID");
      }
      ddl.execute(connection, "ALTER TABLE orders VALIDATE CONSTRAINT " + CHECK);
      ddl.execute(connection, "ALTER TABLE orders ALTER COLUMN updated_at SET NOT NULL");
    }
    ddl.execute(connection, "ALTER TABLE orders DROP CONSTRAINT IF EXISTS " + CHECK);
  }

  /** The backfill job's chunks, for rows still NULL; each chunk commits on its own. */
  private static void backfillMissing(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet missing = statement
            .executeQuery("SELECT EXISTS (SELECT FROM orders WHERE updated_at IS NULL)")) {
      missing.next();
      if (!missing.getBoolean(1)) {
        return;
      }
    }
    try (PreparedStatement next = connection.prepareStatement(
        "SELECT max(id) FROM (SELECT id FROM orders WHERE id > ? ORDER BY id LIMIT ?) n");
        PreparedStatement update = connection
            .prepareStatement(BackfillOrderUpdatedAtTask.BACKFILL_CHUNK)) {
      long after = 0;
      while (true) {
        next.setLong(1, after);
        next.setInt(2, CHUNK);
        long last;
        try (ResultSet rs = next.executeQuery()) {
          rs.next();
          last = rs.getLong(1);
          if (rs.wasNull()) {
            return;
          }
        }
        update.setLong(1, after);
        update.setLong(2, last);
        update.executeUpdate();
        after = last;
      }
    }
  }

  private static boolean columnIsNotNull(Connection connection) throws SQLException {
    return exists(connection, """
        SELECT FROM pg_attribute
        WHERE attrelid = 'orders'::regclass AND attname = 'updated_at' AND attnotnull
        """);
  }

  private static boolean checkExists(Connection connection) throws SQLException {
    return exists(connection, "SELECT FROM pg_constraint WHERE conname = '" + CHECK
        + "' AND conrelid = 'orders'::regclass");
  }

  private static boolean exists(Connection connection, String query) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT EXISTS (" + query + ")")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }
}
