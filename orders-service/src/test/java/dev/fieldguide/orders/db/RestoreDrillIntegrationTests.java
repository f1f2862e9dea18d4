package dev.fieldguide.orders.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.TestData;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * PG10 — the restore drill: the test run's database is dumped by {@code scripts/db-dump.sh},
 * restored into a new database by {@code scripts/db-restore.sh}, and every user table (found in
 * the catalog, not listed here) must come back with the same row count and the same checksum over
 * its rows in primary-key order. A backup is only as good as the restore that was last tried.
 *
 * <p>The service keeps writing while the dump runs (job check-ins, job runs), so the expected
 * checksums are taken inside a REPEATABLE READ transaction whose snapshot is exported and handed
 * to {@code pg_dump --snapshot}: dump and checksums see exactly the same rows.
 */
@IntegrationTest
class RestoreDrillIntegrationTests {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  /** User tables with their primary-key columns (empty when a table has none). */
  private static final String USER_TABLES = """
      SELECT format('%I.%I', n.nspname, c.relname),
             coalesce((SELECT string_agg(format('t.%I', a.attname), ', ' ORDER BY k.ord)
                       FROM pg_index i
                       CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
                       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                       WHERE i.indrelid = c.oid AND i.indisprimary), '')
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p')
        AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND n.nspname NOT LIKE 'pg\\_%'
      ORDER BY 1
      """;

  /** Each sequence owned by a column (serial or identity), with that column's table. */
  private static final String OWNED_SEQUENCES = """
      SELECT s.seqrelid::regclass::text, d.refobjid::regclass::text, format('%I', a.attname)
      FROM pg_sequence s
      JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.seqrelid
       AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
      JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
      ORDER BY 1
      """;

  @Autowired
  DataSource dataSource;

  @Autowired
  TestData data;

  @Value("${spring.datasource.password:}")
  String password;

  @TempDir
  Path work;

  @Test
  void aDumpRestoredIntoANewDatabaseHasTheSameRowsInEveryTable() throws Exception {
    data.orders(20, 3);
    Server server = server();
    Path dump = work.resolve("drill.dump");
    // Shaped like a test run's database, so one left behind by a killed run is dropped as stale.
    String copy = "fieldguide_test_" + Instant.now().getEpochSecond() + "_"
        + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());

    Map<String, TableDigest> expected;
    try (Connection source = dataSource.getConnection()) {
      source.setAutoCommit(false);
      source.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      String snapshot = single(source, "SELECT pg_export_snapshot()");
      expected = digests(source);
      System.out.print(run(server, "scripts/db-dump.sh", server.database(), dump.toString(), "--",
          "--snapshot=" + snapshot));
      source.commit();
    }

    try {
      System.out.print(run(server, "scripts/db-restore.sh", dump.toString(), copy));
      try (Connection restored = server.connect(copy)) {
        Map<String, TableDigest> actual = digests(restored);

        assertThat(expected).as("tables found in the catalog").containsKeys("public.orders",
            "public.order_lines", "public.products", "public.customers");
        assertThat(expected.getOrDefault("public.order_lines", new TableDigest(0, "")).rows())
            .isGreaterThanOrEqualTo(60);
        assertThat(actual).as("row count and checksum per table, restored vs source")
            .containsExactlyEntriesOf(expected);
        assertThat(sequencesBehindTheirColumns(restored))
            .as("restored sequences would hand out ids that are taken").isEmpty();
      }
    } finally {
      try (Connection admin = dataSource.getConnection(); var drop = admin.createStatement()) {
        drop.execute("DROP DATABASE IF EXISTS " + copy + " WITH (FORCE)");
      }
    }
  }

  @Test
  void restoreRefusesToOverwriteAnExistingDatabase() throws Exception {
    Server server = server();
    Path dump = Files.writeString(work.resolve("any.dump"), "");
    long customers = data.count("customers");

    Result result = execute(server, "scripts/db-restore.sh", dump.toString(), server.database());

    assertThat(result.exitCode()).as(result.output()).isEqualTo(65);
    assertThat(result.output()).contains("already exists");
    assertThat(data.count("customers")).isEqualTo(customers);
  }

  /** Row count and md5 over every row's text, in primary-key order, for each user table. */
  private static Map<String, TableDigest> digests(Connection connection) throws SQLException {
    Map<String, String> keys = new LinkedHashMap<>();
    try (var query = connection.createStatement(); var rows = query.executeQuery(USER_TABLES)) {
      while (rows.next()) {
        keys.put(rows.getString(1), rows.getString(2));
      }
    }
    Map<String, TableDigest> digests = new LinkedHashMap<>();
    for (var table : keys.entrySet()) {
      String order = table.getValue().isEmpty() ? "t::text" : table.getValue();
      String sql = "SELECT count(*), md5(coalesce(string_agg(t::text, ',' ORDER BY %s), ''))"
          + " FROM %s AS t";
      try (var query = connection.createStatement();
          var rows = query.executeQuery(sql.formatted(order, table.getKey()))) {
        rows.next();
        digests.put(table.getKey(), new TableDigest(rows.getLong(1), rows.getString(2)));
      }
    }
    return digests;
  }

  /** Sequences whose next value is at or below their column's largest value. */
  private static List<String> sequencesBehindTheirColumns(Connection connection)
      throws SQLException {
    List<String[]> owned = new ArrayList<>();
    try (var query = connection.createStatement();
        var rows = query.executeQuery(OWNED_SEQUENCES)) {
      while (rows.next()) {
        owned.add(new String[]{rows.getString(1), rows.getString(2), rows.getString(3)});
      }
    }
    assertThat(owned).as("sequences feeding columns").isNotEmpty();
    List<String> behind = new ArrayList<>();
    for (String[] sequence : owned) {
      String check = """
          SELECT (SELECT max(%s) FROM %s)
              >= (SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM %s)
          """.formatted(sequence[2], sequence[1], sequence[0]);
      if ("t".equals(single(connection, check))) {
        behind.add(sequence[0] + " for " + sequence[1] + "." + sequence[2]);
      }
    }
    return behind;
  }

  private static String single(Connection connection, String sql) throws SQLException {
    try (var query = connection.createStatement(); var rows = query.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }

  /** Where the test run's database lives, as the scripts' libpq variables need it. */
  private Server server() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      var meta = connection.getMetaData();
      URI uri = URI.create(meta.getURL().substring("jdbc:".length()));
      return new Server(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(),
          uri.getPath().substring(1), meta.getUserName(), password);
    }
  }

  private static String run(Server server, String script, String... arguments) {
    Result result = execute(server, script, arguments);
    assertThat(result.exitCode()).as(script + " failed:\n" + result.output()).isZero();
    return result.output();
  }

  private static Result execute(Server server, String script, String... arguments) {
    List<String> command = new ArrayList<>(List.of("bash", script));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile())
        .redirectErrorStream(true);
    builder.environment().putAll(Map.of("PGHOST", server.host(), "PGPORT",
        String.valueOf(server.port()), "PGUSER", server.user(), "PGPASSWORD", server.password()));
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      // The scripts print a few lines, so reading before waiting cannot fill the pipe.
      String output = new String(process.getInputStream().readAllBytes(),
          StandardCharsets.UTF_8);
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(script + " did not finish within 120 s");
      }
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      throw new AssertionError("could not run " + script, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private record TableDigest(long rows, String md5) {}

  private record Result(int exitCode, String output) {}

  private record Server(String host, int port, String database, String user, String password) {
    Connection connect(String name) throws SQLException {
      return DriverManager.getConnection("jdbc:postgresql://%s:%d/%s".formatted(host, port, name),
          user, password);
    }
  }
}
