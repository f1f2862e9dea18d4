package dev.fieldguide.orders.observability;

import static dev.fieldguide.orders.observability.PrometheusText.parse;
import static dev.fieldguide.orders.observability.PrometheusText.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.fieldguide.orders.observability.PrometheusText.Sample;
import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.StatementCounter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Issue 20, item 4: with every connection of both pools held and a thread queueing for one, a
 * scrape of {@code /actuator/prometheus} still answers within a second — no gauge borrows a
 * connection — and shows what {@code FieldGuideDbPoolSaturated} reads: every connection active
 * and a thread pending. The values read from the database keep their last reading, and their
 * age says how old it is.
 */
@IntegrationTest
class SaturatedPoolScrapeIntegrationTests {

  /** The samples that read PostgreSQL, and the one that reads Redis (unaffected by the pools). */
  private static final List<String> FROM_THE_DATABASE = List.of("fieldguide.jobs.queue.depth",
      "fieldguide.report.age");
  private static final String FROM_REDIS = "fieldguide.redis";

  @Autowired
  Api api;

  @Autowired
  DataSource dataSource;

  @Autowired
  ApplicationContext context;

  @Autowired
  ScheduledSamples samples;

  @Test
  void aScrapeWithEveryConnectionHeldAnswersWithinASecondAndShowsTheSaturation()
      throws Exception {
    HikariDataSource primary = dataSource.unwrap(HikariDataSource.class);
    HikariDataSource replica = context.getBean(StatementCounter.REPLICA, DataSource.class)
        .unwrap(HikariDataSource.class);
    // A first request warms up what any first request pays for once (the servlet, the filter
    // chain, the registry's exposition); Prometheus scrapes a running service every 15 s.
    assertThat(api.get("/actuator/prometheus").status()).isEqualTo(200);
    samples.sampleNow(); // every value has a reading from before the pools fill up
    long readAt = System.nanoTime();

    List<Connection> held = new ArrayList<>();
    try (var queue = Executors.newVirtualThreadPerTaskExecutor()) {
      holdEveryConnection(primary, held);
      holdEveryConnection(replica, held);
      CompletableFuture<Connection> queued = CompletableFuture.supplyAsync(() -> borrow(primary),
          queue);
      await().atMost(Duration.ofSeconds(5)).until(() -> pool(primary)
          .getThreadsAwaitingConnection() > 0);
      samples.sampleNow(); // the database readings time out; Redis answers

      long started = System.nanoTime();
      var response = api.get("/actuator/prometheus");
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      double heldFor = (started - readAt) / 1e9;
      release(held);
      queued.get().close();

      assertThat(response.status()).isEqualTo(200);
      assertThat(took).as("scrape time with both pools exhausted")
          .isLessThan(Duration.ofSeconds(1));
      List<Sample> scrape = parse(response.body());
      for (String pool : List.of("primary", "replica")) {
        assertThat(value(scrape, "hikaricp_connections_active", "pool", pool)).as(pool)
            .isEqualTo(value(scrape, "hikaricp_connections_max", "pool", pool)).isPositive();
      }
      assertThat(value(scrape, "hikaricp_connections_pending", "pool", "primary")).isPositive();
      for (String sample : FROM_THE_DATABASE) {
        assertThat(age(scrape, sample)).as("age of " + sample).isGreaterThanOrEqualTo(heldFor)
            .isGreaterThan(age(scrape, FROM_REDIS));
      }
      assertThat(value(scrape, "fieldguide_jobs_queue_depth")).as("the last reading, kept")
          .isNotNaN();
      System.out.printf("Scrape with both pools exhausted: %d ms; database samples %.1f s old,"
          + " Redis's %.1f s%n", took.toMillis(), age(scrape, "fieldguide.report.age"),
          age(scrape, FROM_REDIS));
    } finally {
      release(held);
    }
  }

  private static double age(List<Sample> scrape, String sample) {
    return value(scrape, "fieldguide_metrics_sample_age_seconds", "sample", sample);
  }

  private static void holdEveryConnection(HikariDataSource pool, List<Connection> held)
      throws SQLException {
    for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
      held.add(pool.getConnection());
    }
  }

  private static Connection borrow(HikariDataSource pool) {
    try {
      return pool.getConnection();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void release(List<Connection> held) throws SQLException {
    for (Connection connection : held) {
      connection.close();
    }
    held.clear();
  }

  private static HikariPoolMXBean pool(HikariDataSource dataSource) {
    return Objects.requireNonNull(dataSource.getHikariPoolMXBean());
  }
}
