package dev.fieldguide.orders.support;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PG4: a test's own database session that provokes a deadlock with the service's transaction and
 * is never the one PostgreSQL aborts. PostgreSQL runs the deadlock check in the session whose
 * {@code deadlock_timeout} expires first, and that session aborts itself; this one waits 10 s
 * before checking (the service keeps the server's 1 s), so the service's transaction is the
 * victim every time. Steps: {@link #execute} a statement that takes a row the service will want,
 * start the service's work, {@link #awaitSomeoneBlocked}, then {@link #execute} a statement that
 * wants a row the service holds (it returns once the victim is gone), and {@link #close} to roll
 * back and let the retry through.
 */
public final class DeadlockPartner implements AutoCloseable {

  private final Connection connection;
  private final JdbcClient observer;
  private final long pid;

  private DeadlockPartner(Connection connection, JdbcClient observer, long pid) {
    this.connection = connection;
    this.observer = observer;
    this.pid = pid;
  }

  /**
   * A new session with an open transaction; {@code observer} (another connection) asks who waits,
   * since inside a transaction {@code pg_stat_activity} is a snapshot taken once.
   */
  public static DeadlockPartner open(DataSource dataSource, JdbcClient observer)
      throws SQLException {
    Connection connection = dataSource.getConnection();
    try {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET deadlock_timeout = '10s'"); // superuser only, as the tests are
        try (ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
          rs.next();
          return new DeadlockPartner(connection, observer, rs.getLong(1));
        }
      }
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /** Runs one statement in this session's transaction; blocks while it waits for a lock. */
  public void execute(String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.execute();
    }
  }

  /** Waits until another session waits for a lock this one holds. */
  public void awaitSomeoneBlocked() {
    // A short poll: the second lock must be asked for well within the victim's 1 s.
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
        .until(() -> observer.sql(
            "SELECT count(*) FROM pg_stat_activity WHERE ? = ANY(pg_blocking_pids(pid))")
            .param(pid).query(Long.class).single() > 0);
  }

  /** Rolls back, which releases every lock this session took. */
  @Override
  public void close() throws SQLException {
    try (connection) {
      connection.rollback();
    }
  }
}
