package dev.fieldguide.core.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs against the local PostgreSQL (the same one the orders-service tests use). */
class DbSessionIntegrationTests {

  private static final String URL = System.getProperty("fieldguide.pg.url",
      "jdbc:postgresql://127.0.0.1:5432/postgres");

  private Connection physical;
  private PoolLikeDataSource pool;

  @BeforeEach
  void openOneConnectionPool() throws SQLException {
    physical = DriverManager.getConnection(URL, "postgres", "");
    try (Statement statement = physical.createStatement()) {
      statement.execute("create temporary table notes (body text not null)");
    }
    pool = new PoolLikeDataSource(physical);
  }

  @AfterEach
  void closeIt() throws SQLException {
    physical.close();
  }

  @Test
  void commitsWhenTheWorkReturnsAndReturnsTheConnection() throws SQLException {
    DbSession.inTransaction(pool, connection -> insertNote(connection, "kept"));

    assertThat(DbSession.inTransaction(pool, DbSessionIntegrationTests::countNotes)).isEqualTo(1);
    assertThat(pool.returns()).isEqualTo(2);
  }

  @Test
  void rollsBackWhenTheWorkThrowsSoTheNextBorrowerStartsClean() throws SQLException {
    assertThatThrownBy(() -> DbSession.inTransaction(pool, connection -> {
      insertNote(connection, "half done");
      throw new IllegalStateException("payment declined");
    })).hasMessage("payment declined");
    assertThat(pool.returns()).isEqualTo(1);

    assertThat(DbSession.inTransaction(pool, DbSessionIntegrationTests::countNotes)).isZero();
  }

  @Test
  void failedRollbackIsAttachedToTheOriginalFailure() {
    assertThatThrownBy(() -> DbSession.inTransaction(pool, connection -> {
      insertNote(connection, "lost");
      physical.close(); // the database goes away mid-transaction
      throw new IllegalStateException("original failure");
    })).hasMessage("original failure").satisfies(failure -> assertThat(failure.getSuppressed())
        .singleElement().isInstanceOf(SQLException.class));
  }

  private static int insertNote(Connection connection, String body) throws SQLException {
    try (var insert = connection.prepareStatement("insert into notes (body) values (?)")) {
      insert.setString(1, body);
      return insert.executeUpdate();
    }
  }

  private static int countNotes(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select count(*) from notes")) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
