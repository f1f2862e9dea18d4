package dev.fieldguide.orders.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.fieldguide.fixtures.ApplyOnceTask;
import dev.fieldguide.fixtures.ConnectionBorrowingTask;
import dev.fieldguide.orders.observability.ScheduledSamples;
import dev.fieldguide.orders.support.IntegrationTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * C10/C7: a burst of 200 jobs that each borrow a connection runs on the application's primary
 * pool and hands every connection back, and the job meters follow it: while every worker is held
 * busy the burst waits in the queue, then it drains, and the runs are counted by outcome.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class JobBurstIntegrationTests {

  private static final int SUCCEEDING = 150;
  private static final int FAILING_ONCE = 30;
  private static final int FAILING_FOR_GOOD = 20;
  private static final int BURST = SUCCEEDING + FAILING_ONCE + FAILING_FOR_GOOD;
  private static final List<String> OUTCOMES = List.of("succeeded", "retried", "dead");

  @Autowired
  JobScheduler jobs;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  MeterRegistry meters;

  @Autowired
  DataSource dataSource;

  @Autowired
  ScheduledSamples samples;

  @Test
  void aBurstFillsAndDrainsTheQueueAndCountsEveryOutcome() {
    int workers = (int) gauge("fieldguide.jobs.workers");
    Map<String, Double> before = outcomes();

    String hold = "burst-" + UUID.randomUUID();
    ApplyOnceTask.hold(hold);
    List<UUID> holders;
    List<UUID> burst;
    try {
      holders = Stream.generate(() -> enqueue(ApplyOnceTask.TYPE, args().put("key", hold)))
          .limit(workers).toList();
      await().atMost(Duration.ofSeconds(20)).until(() -> count(holders, "RUNNING") == workers);
      burst = enqueueBurst();

      // During: every worker busy with a held run, so the whole burst waits in the queue.
      assertThat(gauge("fieldguide.jobs.workers.busy")).isEqualTo(workers);
      await().atMost(Duration.ofSeconds(10))
          .until(() -> sampled("fieldguide.jobs.queue.depth") >= BURST);
    } finally {
      ApplyOnceTask.release(hold);
    }

    await().atMost(Duration.ofSeconds(90)).until(() -> count(burst, "SUCCEEDED")
        + count(burst, "DEAD") == BURST && count(holders, "SUCCEEDED") == workers);
    await().atMost(Duration.ofSeconds(10)).until(
        () -> sampled("fieldguide.jobs.queue.depth") == 0
            && gauge("fieldguide.jobs.workers.busy") == 0);
    Map<String, Double> after = outcomes();
    assertThat(OUTCOMES.stream().collect(Collectors.toMap(o -> o,
        o -> after.getOrDefault(o, 0.0) - before.getOrDefault(o, 0.0))))
        .containsEntry("succeeded", (double) SUCCEEDING + FAILING_ONCE)
        .containsEntry("retried", (double) FAILING_ONCE)
        .containsEntry("dead", (double) FAILING_FOR_GOOD);
  }

  /**
   * C10: the tasks' connections came from the primary pool (the session says so), and once the
   * burst is over none is still borrowed: Hikari's own count on that pool, and no report from its
   * leak detection whose stack runs through the jobs (on in the test profile at 5 s: a connection
   * held that long is reported with the stack that took it, even if it is returned later).
   */
  @Test
  void aBurstHandsEveryConnectionBackToThePrimaryPool(CapturedOutput output)
      throws SQLException {
    HikariDataSource primary = dataSource.unwrap(HikariDataSource.class);
    HikariPoolMXBean pool = Objects.requireNonNull(primary.getHikariPoolMXBean());
    assertThat(primary.getPoolName()).isEqualTo("primary");

    List<UUID> burst = enqueueBurst();
    await().atMost(Duration.ofSeconds(90))
        .until(() -> count(burst, "SUCCEEDED") + count(burst, "DEAD") == BURST);

    assertThat(jdbc.sql("""
        SELECT DISTINCT result->>'applicationName' FROM job_runs
        WHERE id = ANY(?) AND state = 'SUCCEEDED'
        """).param(burst.toArray(UUID[]::new)).query(String.class).list())
        .as("the pool the tasks' sessions came from").containsExactly("field-guide");
    await().atMost(Duration.ofSeconds(10)).until(() -> pool.getActiveConnections() == 0);
    assertThat(leakReports(output.getAll())).as("leak reports through the jobs' code")
        .noneMatch(trace -> trace.contains("dev.fieldguide.orders.jobs.")
            || trace.contains(ConnectionBorrowingTask.class.getName()));
  }

  /**
   * The stacks of Hikari's leak reports in the output (where each leaked connection was borrowed);
   * a slow start, such as Flyway migrating a fresh database, may have its own report.
   */
  private static List<String> leakReports(String output) {
    List<String> lines = output.lines().toList();
    List<String> reports = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("Apparent connection leak detected")) {
        StringBuilder trace = new StringBuilder();
        for (int j = i + 1; j < lines.size() && lines.get(j).startsWith("\tat "); j++) {
          trace.append(lines.get(j)).append('\n');
        }
        reports.add(trace.toString());
      }
    }
    return reports;
  }

  private List<UUID> enqueueBurst() {
    List<UUID> runs = new ArrayList<>();
    for (int i = 0; i < BURST; i++) {
      ObjectNode arguments = args().put("i", i);
      if (i < FAILING_ONCE) {
        arguments.put("failures", 1);
      } else if (i < FAILING_ONCE + FAILING_FOR_GOOD) {
        arguments.put("permanent", true);
      }
      runs.add(enqueue(ConnectionBorrowingTask.TYPE, arguments));
    }
    return runs;
  }

  private UUID enqueue(String type, ObjectNode arguments) {
    return jobs.enqueue(type, arguments, Instant.now());
  }

  private static ObjectNode args() {
    return JsonNodeFactory.instance.objectNode();
  }

  private double gauge(String name) {
    return meters.get(name).gauge().value();
  }

  /** A gauge read from the database on the sample schedule, after a fresh sample. */
  private double sampled(String name) {
    samples.sampleNow();
    return gauge(name);
  }

  /** The burst task's runs by outcome, as the meters count them (0 for one not seen yet). */
  private Map<String, Double> outcomes() {
    return OUTCOMES.stream().collect(Collectors.toMap(outcome -> outcome, outcome -> {
      Counter counter = meters.find("fieldguide.jobs.runs")
          .tags("task", ConnectionBorrowingTask.TYPE, "outcome", outcome).counter();
      return counter == null ? 0.0 : counter.count();
    }));
  }

  private long count(List<UUID> runs, String state) {
    return Objects.requireNonNull(jdbc.sql(
        "SELECT count(*) FROM job_runs WHERE id = ANY(?) AND state = ?")
        .params(runs.toArray(UUID[]::new), state).query(Long.class).single());
  }
}
