package dev.fieldguide.core.resources;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The seed's {@code db_session} context manager in plain JDBC: commit when the work returns,
 * roll back when it throws, and always hand the connection back.
 *
 * <p>The rollback matters most with a pool: closing a pooled connection only returns it, so
 * without an explicit rollback the next borrower inherits the half-done transaction.
 */
public final class DbSession {

  /** The body of the session; it may throw anything a JDBC call throws. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private DbSession() {}

  public static <T> T inTransaction(DataSource dataSource, Work<T> work) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException | Error failure) {
        rollbackKeeping(failure, connection);
        throw failure;
      }
    }
  }

  /** A failed rollback must not hide why we were rolling back: it rides along as suppressed. */
  private static void rollbackKeeping(Throwable failure, Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException rollbackFailure) {
      failure.addSuppressed(rollbackFailure);
    }
  }
}
