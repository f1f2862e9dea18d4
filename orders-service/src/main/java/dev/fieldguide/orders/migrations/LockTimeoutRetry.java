package dev.fieldguide.orders.migrations;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Runs one DDL statement the way a busy table needs: it may wait for its lock at most
 * {@code lock_timeout}, and when it gives up (SQLSTATE 55P03) it tries again a little later.
 *
 * <p>Why both: a DDL statement waiting for its lock blocks every query that arrives after it, so
 * an unbounded wait behind one long transaction stalls the whole application. A short wait that
 * gives up lets the queue drain; the retry catches the gap between transactions.
 */
final class LockTimeoutRetry {

  static final String LOCK_NOT_AVAILABLE = "55P03";

  private final Duration lockTimeout;
  private final int attempts;
  private final Duration firstPause;

  LockTimeoutRetry(Duration lockTimeout, int attempts, Duration firstPause) {
    this.lockTimeout = lockTimeout;
    this.attempts = attempts;
    this.firstPause = firstPause;
  }

  /** Executes {@code ddl} on an autocommit connection; each attempt is its own transaction. */
  void execute(Connection connection, String ddl) throws SQLException, InterruptedException {
    Duration pause = firstPause;
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET lock_timeout = '" + lockTimeout.toMillis() + "ms'");
      for (int attempt = 1;; attempt++) {
        try {
          statement.execute(ddl);
          return;
        } catch (SQLException e) {
          if (!LOCK_NOT_AVAILABLE.equals(e.getSQLState()) || attempt == attempts) {
            throw e;
          }
          Thread.sleep(pause); // back off: let the queue behind the blocker drain
          pause = pause.multipliedBy(2);
        }
      }
    } finally {
      try (Statement reset = connection.createStatement()) {
        reset.execute("RESET lock_timeout");
      }
    }
  }
}
