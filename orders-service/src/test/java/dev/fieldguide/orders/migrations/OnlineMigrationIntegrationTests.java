package dev.fieldguide.orders.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.fixtures.Concurrently;
import dev.fieldguide.orders.security.DevTokenIssuer;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.SecondInstance;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * D3, PG6: the {@code orders.updated_at} sequence (expand V15, backfill job, contract V16, index
 * V17) runs on a database full of orders while writers keep inserting and updating them, and while
 * a long transaction holds the table: no write fails and none waits longer than {@link
 * #WRITER_WAIT_BOUND}. Each test migrates a scratch database of its own with the application's
 * Flyway configuration.
 */
@IntegrationTest
class OnlineMigrationIntegrationTests {

  private static final Logger log = LoggerFactory.getLogger(OnlineMigrationIntegrationTests.class);

  /** The release before the sequence: orders has no updated_at yet. */
  static final MigrationVersion BEFORE = MigrationVersion.fromVersion("14");
  static final MigrationVersion EXPAND = MigrationVersion.fromVersion("15");
  static final int ORDERS = 200_000;
  /**
   * The longest any single write may take. The DDL steps wait for a lock at most their
   * lock_timeout (2-3 s) and writers queue behind a waiting DDL, so this is that wait plus slack;
   * without lock_timeout they would queue behind the long transaction (5 s) instead.
   */
  static final Duration WRITER_WAIT_BOUND = Duration.ofMillis(3_500);
  static final Duration LONG_TRANSACTION = Duration.ofSeconds(5);

  @Autowired
  Flyway flyway;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  JdbcConnectionDetails database;

  @Autowired
  RedissonClient redisson;

  @Autowired
  JsonMapper json;

  @Autowired
  DevTokenIssuer tokens;

  private ScratchDatabases scratch;

  @BeforeEach
  void scratchDatabases() {
    scratch = new ScratchDatabases(jdbc, database, flyway);
  }

  @AfterEach
  void dropScratchDatabases() {
    scratch.dropAll();
  }

  @Test
  void everyMigrationAppliesToAnEmptyDatabase() {
    String url = scratch.create("empty");

    scratch.flyway(url, MigrationVersion.LATEST).migrate();

    Flyway migrated = scratch.flyway(url, MigrationVersion.LATEST);
    assertThat(migrated.info().pending()).isEmpty();
    assertThat(Objects.requireNonNull(migrated.info().current()).getVersion())
        .isEqualTo(Objects.requireNonNull(flyway.info().current()).getVersion());
  }

  @Test
  void aDatabaseThatSkippedTheBackfillJobIsBackfilledByTheContract() throws SQLException {
    String url = scratch.create("skipped");
    scratch.flyway(url, BEFORE).migrate();
    try (Connection connection = scratch.connect(url)) {
      seedOrders(connection, 20_000);
    }

    scratch.flyway(url, MigrationVersion.LATEST).migrate();

    try (Connection connection = scratch.connect(url);
        Statement statement = connection.createStatement()) {
      var rs = statement.executeQuery("""
          SELECT count(*) FILTER (WHERE updated_at IS DISTINCT FROM created_at),
                 (SELECT attnotnull FROM pg_attribute
                  WHERE attrelid = 'orders'::regclass AND attname = 'updated_at'),
                 (SELECT count(*) FROM pg_constraint WHERE conname = 'orders_updated_at_not_null')
          FROM orders
          """);
      rs.next();
      assertThat(rs.getLong(1)).as("orders whose updated_at is not their created_at").isZero();
      assertThat(rs.getBoolean(2)).as("updated_at NOT NULL").isTrue();
      assertThat(rs.getLong(3)).as("the helper CHECK is dropped").isZero();
    }
  }

  @Test
  void theSequenceRunsWhileWritersWriteAndNoneFailsOrWaitsPastTheBound() throws Exception {
    String url = scratch.create("online");
    scratch.flyway(url, BEFORE).migrate();
    try (Connection connection = scratch.connect(url)) {
      seedOrders(connection, ORDERS);
    }
    Writers writers = Writers.start(url, database.getUsername(), database.getPassword(), 4);
    try {
      // Release N: the expand migration, then the backfill as a job on that release's workers.
      scratch.flyway(url, EXPAND).migrate();
      JsonNode run = backfillWithAJob(url);
      assertThat(run.path("state").asString()).isEqualTo("SUCCEEDED");
      // Rows a writer updated first already have updated_at (the trigger) and are skipped.
      assertThat(run.path("progress").path("processed").asLong())
          .isBetween(ORDERS - writers.writes(), (long) ORDERS);
      assertThat(ordersWithoutUpdatedAt(url)).as("left for the contract to backfill").isZero();

      // Release N+1: the contract, while a long transaction (a report, say) holds orders.
      try (var longTransaction = holdOrders(url, LONG_TRANSACTION)) {
        scratch.flyway(url, MigrationVersion.LATEST).migrate();
        longTransaction.join();
      }
    } finally {
      writers.stop();
    }

    log.info("Online migration of {} orders: {} writes, none failed: {}, longest write {} ms",
        ORDERS, writers.writes(), writers.failures().isEmpty(), writers.longestWait().toMillis());
    assertThat(writers.failures()).as("failed writes").isEmpty();
    assertThat(writers.writes()).as("writes during the sequence").isGreaterThan(100);
    assertThat(writers.longestWait()).as("longest single write (%d writes)", writers.writes())
        .isLessThan(WRITER_WAIT_BOUND);
    try (Connection connection = scratch.connect(url);
        Statement statement = connection.createStatement()) {
      var rs = statement.executeQuery("""
          SELECT count(*) FILTER (WHERE updated_at IS NULL),
                 (SELECT indisvalid FROM pg_index
                  WHERE indexrelid = 'orders_stale_pending_idx'::regclass)
          FROM orders
          """);
      rs.next();
      assertThat(rs.getLong(1)).isZero();
      assertThat(rs.getBoolean(2)).as("the concurrently built index is valid").isTrue();
    }
  }

  private long ordersWithoutUpdatedAt(String url) throws SQLException {
    try (Connection connection = scratch.connect(url);
        Statement statement = connection.createStatement();
        var rs = statement.executeQuery("SELECT count(*) FROM orders WHERE updated_at IS NULL")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Release N's worker runs {@code backfill-order-updated-at}; returns the finished run. */
  private JsonNode backfillWithAJob(String url) throws Exception {
    try (ConfigurableApplicationContext releaseN = SecondInstance.startService(url, database,
        redisson, "--spring.flyway.target=" + EXPAND,
        "--spring.quartz.scheduler-name=field-guide-release-n")) {
      URI base = SecondInstance.baseOf(releaseN);
      HttpClient http = HttpClient.newHttpClient();
      String body = json.writeValueAsString(Map.of("type", BackfillOrderUpdatedAtTask.TYPE,
          "arguments", Map.of("chunkSize", 5_000)));
      // Jobs are an admin function; release N trusts the same dev issuer (same key file).
      String admin = "Bearer " + tokens.admin("release-n-operator");
      HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/jobs"))
          .header("Content-Type", "application/json").header("Authorization", admin)
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
      URI run = base.resolve("/api/v1/jobs/" + json.readTree(accepted.body()).path("runId")
          .asString());
      Supplier<JsonNode> view = () -> {
        try {
          return json.readTree(http.send(HttpRequest.newBuilder(run)
              .header("Authorization", admin).build(),
              HttpResponse.BodyHandlers.ofString()).body());
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      };
      return Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
          .until(view::get, v -> List.of("SUCCEEDED", "DEAD").contains(v.path("state")
              .asString()));
    }
  }

  /** A transaction that reads orders and stays open for {@code duration}, as a long report would. */
  private Concurrently.Running<Object> holdOrders(String url, Duration duration)
      throws Exception {
    Connection connection = scratch.connect(url);
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.executeQuery("SELECT count(*) FROM orders WHERE id = 1").close();
    }
    return Concurrently.start(1, i -> () -> {
      try (connection;
          PreparedStatement slowReport = connection.prepareStatement("SELECT pg_sleep(?)")) {
        // The transaction's next statement is the slow part of the report, run by the server.
        slowReport.setDouble(1, duration.toMillis() / 1000.0);
        slowReport.executeQuery().close();
        connection.commit();
      }
      return null;
    });
  }

  private static void seedOrders(Connection connection, int orders) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("""
          INSERT INTO customers (email, name)
          SELECT 'migration' || g || '@example.test', 'Customer ' || g
          FROM generate_series(1, 100) g
          """);
      statement.execute("""
          INSERT INTO orders (customer_id, status, total_cents, created_at)
          SELECT (SELECT min(id) FROM customers) + g %% 100,
                 CASE WHEN g %% 50 = 0 THEN 'NEW' ELSE 'DELIVERED' END,
                 g %% 10000, timestamptz '2025-01-01' + g * interval '1 minute'
          FROM generate_series(1, %d) g
          """.formatted(orders));
      statement.execute("ANALYZE orders");
    }
  }

  /** Threads that insert and update orders on their own connections and time every write. */
  private record Writers(Concurrently.Running<Object> threads, AtomicBoolean running,
      AtomicLong writeCount, AtomicLong longestNanos, ConcurrentLinkedQueue<String> failed) {

    static Writers start(String url, @Nullable String user, @Nullable String password,
        int count) {
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicLong writes = new AtomicLong();
      AtomicLong longest = new AtomicLong();
      ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
      var threads = Concurrently.start(count, i -> () -> {
        try (Connection connection = DriverManager.getConnection(url, user, password);
            PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO orders (customer_id, status, total_cents)
                VALUES ((SELECT min(id) FROM customers), 'NEW', 100)
                """);
            PreparedStatement update = connection.prepareStatement(
                "UPDATE orders SET status = 'PAID' WHERE id = ?")) {
          while (running.get()) {
            long started = System.nanoTime();
            try {
              if (ThreadLocalRandom.current().nextBoolean()) {
                insert.executeUpdate();
              } else {
                update.setLong(1, 1 + ThreadLocalRandom.current().nextLong(ORDERS));
                update.executeUpdate();
              }
              writes.incrementAndGet();
            } catch (SQLException e) {
              failures.add(e.getSQLState() + " " + e.getMessage());
            }
            longest.accumulateAndGet(System.nanoTime() - started, Math::max);
          }
        } catch (SQLException e) {
          failures.add("connect: " + e.getMessage());
        }
        return null;
      });
      return new Writers(threads, running, writes, longest, failures);
    }

    void stop() {
      running.set(false);
      try (threads) {
        threads.join(Duration.ofMinutes(1));
      }
    }

    long writes() {
      return writeCount.get();
    }

    Duration longestWait() {
      return Duration.ofNanos(longestNanos.get());
    }

    List<String> failures() {
      return List.copyOf(failed);
    }
  }
}
