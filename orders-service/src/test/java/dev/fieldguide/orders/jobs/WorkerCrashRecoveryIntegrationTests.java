package dev.fieldguide.orders.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fieldguide.orders.lab.ApplyOnceTask;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.SecondInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * C6: a job whose worker node stops mid-job is run again by another node (Quartz clustering with
 * requestsRecovery), and the processed-ids record keeps its effect to one application — also when
 * the stopped node's stuck thread finishes late.
 */
@IntegrationTest
class WorkerCrashRecoveryIntegrationTests {

  @Autowired
  Scheduler scheduler;

  @Autowired
  JobScheduler jobs;

  @Autowired
  SecondInstance secondInstance;

  @Autowired
  JdbcClient jdbc;

  @Test
  void aJobOnANodeThatStopsMidJobCompletesOnceOnAnotherNode() throws Exception {
    Scheduler otherNode = secondInstance.bean(Scheduler.class);
    String key = "crash-" + UUID.randomUUID();
    ApplyOnceTask.hold(key);
    UUID runId;
    try {
      scheduler.standby(); // so the job lands on the other node
      try {
        runId = jobs.enqueue(ApplyOnceTask.TYPE,
            JsonNodeFactory.instance.objectNode().put("key", key), Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> state(runId).equals("RUNNING"));
      } finally {
        scheduler.start();
      }

      otherNode.shutdown(false); // stops checking in; its job thread is stuck mid-job

      await().atMost(Duration.ofSeconds(60)).until(() -> state(runId).equals("SUCCEEDED"));
    } finally {
      ApplyOnceTask.release(key); // the stopped node's thread now finishes, late
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> attemptsFinished(runId) == 2);

    assertThat(jdbc.sql("SELECT attempts FROM job_runs WHERE id = ?").param(runId)
        .query(Integer.class).single()).isEqualTo(2);
    assertThat(jdbc.sql("SELECT applied FROM job_demo_effects WHERE effect_key = ?").param(key)
        .query(Integer.class).single()).as("effect applications").isEqualTo(1);
  }

  private String state(UUID runId) {
    return jdbc.sql("SELECT state FROM job_runs WHERE id = ?").param(runId).query(String.class)
        .single();
  }

  private long attemptsFinished(UUID runId) {
    return Objects.requireNonNull(jdbc.sql(
        "SELECT count(*) FROM job_attempts WHERE run_id = ? AND finished_at IS NOT NULL")
        .param(runId).query(Long.class).single());
  }
}
