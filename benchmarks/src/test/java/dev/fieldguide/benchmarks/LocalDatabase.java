package dev.fieldguide.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A database of the test run's own on the local PostgreSQL, found as the service's tests find it
 * without Docker ({@code PGHOST}, {@code PGPORT}, {@code PGUSER}, {@code PGPASSWORD}; default
 * {@code postgres@127.0.0.1:5432}), and dropped afterwards.
 */
record LocalDatabase(String server, String user, String password, String name) {

  static LocalDatabase create() {
    String server = "jdbc:postgresql://" + env("PGHOST", "127.0.0.1") + ":"
        + env("PGPORT", "5432") + "/";
    String name = "fieldguide_benchmarks_test_" + System.currentTimeMillis() + "_"
        + ThreadLocalRandom.current().nextInt(1_000_000);
    LocalDatabase database = new LocalDatabase(server, env("PGUSER", "postgres"),
        env("PGPASSWORD", ""), name);
    database.onServer("CREATE DATABASE " + name);
    return database;
  }

  String jdbcUrl() {
    return server + name;
  }

  void drop() {
    onServer("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private void onServer(String sql) {
    try (Connection connection = DriverManager.getConnection(server + "postgres", user, password);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + server + " refused: " + sql, e);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isEmpty() ? fallback : value;
  }
}
