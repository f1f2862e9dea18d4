package dev.fieldguide.orders.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.fixtures.Concurrently;
import dev.fieldguide.orders.support.IntegrationTest;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A fresh machine's PostgreSQL lacks the configured database; the service creates it once, and
 * two instances starting together do not trip over each other.
 */
@IntegrationTest
class MissingDatabaseCreatorIntegrationTests {

  @Autowired
  DataSource dataSource;

  @Autowired
  JdbcTemplate jdbc;

  private final String database = "fieldguide_creator_" + UUID.randomUUID().toString()
      .substring(0, 8);

  @AfterEach
  void dropDatabase() {
    jdbc.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
  }

  @Test
  void createsAMissingDatabaseOnceAndThenLeavesItAlone() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      assertThat(MissingDatabaseCreator.createIfMissing(connection, database)).isTrue();
      assertThat(MissingDatabaseCreator.createIfMissing(connection, database)).isFalse();
    }
    assertThat(exists()).isTrue();
  }

  @Test
  void twoInstancesStartingTogetherCreateItExactlyOnce() {
    List<Boolean> created = Concurrently.run(2, i -> () -> {
      try (Connection connection = dataSource.getConnection()) {
        return MissingDatabaseCreator.createIfMissing(connection, database);
      }
    });

    assertThat(created).as("exactly one of them created it").containsExactlyInAnyOrder(true, false);
    assertThat(exists()).isTrue();
  }

  @Test
  void quotesNamesSoTheyCannotInjectSql() {
    assertThat(MissingDatabaseCreator.quoteIdentifier("a\"; DROP DATABASE x; --"))
        .isEqualTo("\"a\"\"; DROP DATABASE x; --\"");
  }

  private boolean exists() {
    return Long.valueOf(1).equals(jdbc.queryForObject(
        "SELECT count(*) FROM pg_database WHERE datname = ?", Long.class, database));
  }
}
