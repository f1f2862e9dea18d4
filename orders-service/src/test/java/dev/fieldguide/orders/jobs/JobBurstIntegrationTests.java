package dev.fieldguide.orders.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * C10/C7: jobs are Spring beans on the application's connection pool, and a burst of them hands
 * every connection back; the job metrics are in the scrape.
 */
@IntegrationTest
class JobBurstIntegrationTests {

  @Autowired
  JobScheduler jobs;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  MeterRegistry meters;

  @Autowired
  Api api;

  @Test
  void aBurstOfTwoHundredJobsLeavesNoConnectionInUse() {
    List<UUID> runs = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      runs.add(jobs.enqueue("echo", JsonNodeFactory.instance.objectNode().put("i", i),
          Instant.now()));
    }

    await().atMost(Duration.ofSeconds(60)).until(() -> succeeded(runs) == runs.size());

    await().atMost(Duration.ofSeconds(10))
        .until(() -> meters.get("hikaricp.connections.active").gauge().value() == 0);
  }

  @Test
  void theScrapeHasTheJobSeries() {
    UUID run = jobs.enqueue("echo", JsonNodeFactory.instance.objectNode(), Instant.now());
    await().atMost(Duration.ofSeconds(20)).until(() -> succeeded(List.of(run)) == 1);

    String scrape = api.get("/actuator/prometheus").body();

    assertThat(scrape).contains("fieldguide_jobs_runs_total{", "outcome=\"succeeded\"",
        "fieldguide_jobs_duration_seconds_bucket{", "fieldguide_jobs_queue_depth",
        "fieldguide_jobs_workers_busy", "fieldguide_jobs_workers ");
  }

  private long succeeded(List<UUID> runs) {
    return Objects.requireNonNull(jdbc.sql(
        "SELECT count(*) FROM job_runs WHERE id = ANY(?) AND state = 'SUCCEEDED'")
        .param(runs.toArray(UUID[]::new)).query(Long.class).single());
  }
}
