package dev.fieldguide.lab;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A product row locked {@code FOR UPDATE} in a transaction of the lab's own, so the service's
 * writes to it wait. Closing rolls back, which releases the lock. Who waits is asked from another
 * connection: inside this transaction {@code pg_stat_activity} is a snapshot taken once.
 */
final class HeldRowLock implements AutoCloseable {

  private final Connection connection;
  private final long pid;

  private HeldRowLock(Connection connection, long pid) {
    this.connection = connection;
    this.pid = pid;
  }

  static HeldRowLock onProduct(DataSource dataSource, long product) {
    try {
      Connection connection = dataSource.getConnection();
      try {
        connection.setAutoCommit(false);
        return new HeldRowLock(connection, lock(connection, product));
      } catch (SQLException | RuntimeException e) {
        connection.close();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The backend holding the lock, for {@code pg_blocking_pids}. */
  long pid() {
    return pid;
  }

  @Override
  public void close() {
    try (connection) {
      connection.rollback();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Locks the row; the backend pid that holds it. */
  private static long lock(Connection connection, long product) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement(
        "SELECT pg_backend_pid() FROM products WHERE id = ? FOR UPDATE")) {
      lock.setLong(1, product);
      try (ResultSet rs = lock.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("no product " + product);
        }
        return rs.getLong(1);
      }
    }
  }
}
