package dev.fieldguide.orders.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldguide.orders.support.IntegrationTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * D3/PG6: why V16 makes {@code orders.updated_at} NOT NULL in three steps. Each DDL below runs in
 * a transaction that stays open, so its lock is held as it is for the whole of its table scan;
 * a writer with a short {@code lock_timeout} then shows whether that lock lets it through.
 * {@code SET NOT NULL} alone scans under ACCESS EXCLUSIVE: the writer is refused. {@code VALIDATE
 * CONSTRAINT} scans under SHARE UPDATE EXCLUSIVE: the writer gets through. The final {@code SET
 * NOT NULL} then proves the column from the validated check without a scan, which PostgreSQL
 * reports at DEBUG1.
 */
@IntegrationTest
class NotNullLockLevelsIntegrationTests {

  private static final int ROWS = 50_000;

  @Autowired
  DataSource dataSource;

  private final String table = "not_null_demo_" + UUID.randomUUID().toString().replace("-", "");

  @BeforeEach
  void aTableWithANullableColumnAndNoNulls() throws SQLException {
    execute("CREATE TABLE " + table + " (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
        + " v int)",
        "INSERT INTO " + table + " (v) SELECT 1 FROM generate_series(1, " + ROWS
            + ")");
  }

  @AfterEach
  void dropTheTable() throws SQLException {
    execute("DROP TABLE IF EXISTS " + table);
  }

  @Test
  void setNotNullAloneHoldsAnAccessExclusiveLockThatRefusesWriters() throws SQLException {
    try (Connection ddl = dataSource.getConnection()) {
      ddl.setAutoCommit(false);
      execute(ddl, "ALTER TABLE " + table + " ALTER COLUMN v SET NOT NULL");

      assertThat(locksHeldBy(ddl)).contains("AccessExclusiveLock");
      assertThatThrownBy(this::writeWithAShortLockTimeout).isInstanceOf(SQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("55P03"); // lock_not_available: the writer waited and gave up
      ddl.rollback();
    }
  }

  @Test
  void validatingANotValidCheckLetsWritersThroughAndSetNotNullThenSkipsTheScan()
      throws SQLException {
    execute("ALTER TABLE " + table + " ADD CONSTRAINT " + table + "_v_not_null"
        + " CHECK (v IS NOT NULL) NOT VALID");
    try (Connection ddl = dataSource.getConnection()) {
      ddl.setAutoCommit(false);
      execute(ddl, "ALTER TABLE " + table + " VALIDATE CONSTRAINT " + table + "_v_not_null");

      // Writers take ROW EXCLUSIVE; of the table locks, only these four conflict with it.
      assertThat(locksHeldBy(ddl)).contains("ShareUpdateExclusiveLock").doesNotContain(
          "ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock");
      writeWithAShortLockTimeout(); // does not throw: the writer got its row in
      ddl.commit();

      execute(ddl, "SET client_min_messages = debug1");
      try (Statement statement = ddl.createStatement()) {
        statement.execute("ALTER TABLE " + table + " ALTER COLUMN v SET NOT NULL");
        assertThat(messages(statement.getWarnings())).anyMatch(message -> message.contains(
            "existing constraints on column \"" + table + ".v\" are sufficient to prove that"
                + " it does not contain nulls"));
      }
      ddl.commit();
    }
  }

  /** Inserts a row, waiting at most 200 ms for the table's lock. */
  private void writeWithAShortLockTimeout() throws SQLException {
    try (Connection writer = dataSource.getConnection()) {
      writer.setAutoCommit(false);
      execute(writer, "SET LOCAL lock_timeout = '200ms'", "INSERT INTO " + table
          + " (v) VALUES (2)");
      writer.commit();
    }
  }

  /** The locks the connection's own open transaction holds on the table. */
  private List<String> locksHeldBy(Connection connection) throws SQLException {
    List<String> modes = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        var rs = statement.executeQuery("SELECT mode FROM pg_locks WHERE pid = pg_backend_pid()"
            + " AND relation = '" + table + "'::regclass AND granted")) {
      while (rs.next()) {
        modes.add(rs.getString(1));
      }
    }
    return modes;
  }

  private static List<String> messages(@Nullable SQLWarning warning) {
    List<String> messages = new ArrayList<>();
    for (SQLWarning next = warning; next != null; next = next.getNextWarning()) {
      messages.add(String.valueOf(next.getMessage()));
    }
    return messages;
  }

  private void execute(String... statements) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      execute(connection, statements);
    }
  }

  private static void execute(Connection connection, String... statements) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }
}
