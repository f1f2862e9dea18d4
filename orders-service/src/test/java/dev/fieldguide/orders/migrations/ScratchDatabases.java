package dev.fieldguide.orders.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Databases of their own for the migration tests, beside the test run's database on the same
 * server, each migrated by a Flyway with the application's configuration; {@link #dropAll()}
 * drops every one this instance created.
 */
final class ScratchDatabases {

  private final JdbcTemplate jdbc;
  private final JdbcConnectionDetails database;
  private final Flyway flyway;
  private final List<String> created = new ArrayList<>();

  /** {@code jdbc} and {@code database}: the test run's; {@code flyway}: the application's. */
  ScratchDatabases(JdbcTemplate jdbc, JdbcConnectionDetails database, Flyway flyway) {
    this.jdbc = jdbc;
    this.database = database;
    this.flyway = flyway;
  }

  /** A new, empty database named after the run's and {@code purpose}; returns its JDBC URL. */
  String create(String purpose) {
    String current = Objects.requireNonNull(
        jdbc.queryForObject("SELECT current_database()", String.class));
    String name = current + "_" + purpose;
    jdbc.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    jdbc.execute("CREATE DATABASE " + name);
    created.add(name);
    return database.getJdbcUrl().replace("/" + current, "/" + name);
  }

  /** The application's Flyway (locations, Java migrations, settings) on {@code url}. */
  Flyway flyway(String url, MigrationVersion target) {
    return Flyway.configure().configuration(flyway.getConfiguration())
        .dataSource(url, database.getUsername(), database.getPassword()).target(target).load();
  }

  Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url, database.getUsername(), database.getPassword());
  }

  /**
   * Loads a plain-format pg_dump file into the database at {@code url} with psql, in one
   * transaction. Not through JDBC: the dump's data is {@code COPY ... FROM stdin} and it carries
   * psql meta-commands ({@code \restrict}), which only psql runs.
   */
  void restore(String url, Path dump) {
    URI server = URI.create(url.substring("jdbc:".length()));
    ProcessBuilder psql = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1",
        "--single-transaction", "-o", "/dev/null", "-h", server.getHost(), "-p",
        String.valueOf(server.getPort() < 0 ? 5432 : server.getPort()), "-U",
        Objects.requireNonNullElse(database.getUsername(), "postgres"), "-d",
        server.getPath().substring(1), "-f", dump.toString()).redirectErrorStream(true);
    psql.environment().put("PGPASSWORD", Objects.requireNonNullElse(database.getPassword(), ""));
    try {
      Process process = psql.start();
      process.getOutputStream().close();
      // Results go to /dev/null: only errors come back, so reading first cannot fill the pipe.
      String output = new String(process.getInputStream().readAllBytes(),
          StandardCharsets.UTF_8);
      assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("psql finished").isTrue();
      assertThat(process.exitValue()).as("psql -f " + dump + ":\n" + output).isZero();
    } catch (IOException e) {
      throw new AssertionError("could not run psql (the PostgreSQL client) for " + dump, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  void dropAll() {
    created.forEach(name -> jdbc.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
    created.clear();
  }
}
