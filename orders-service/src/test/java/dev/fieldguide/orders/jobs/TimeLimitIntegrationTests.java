package dev.fieldguide.orders.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fieldguide.fixtures.SlowTask;
import dev.fieldguide.orders.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * C8: a task past its soft limit is interrupted, cleans up and is retried; one that ignores the
 * interrupt is abandoned at its hard limit and its run ends TIMED_OUT, freeing the worker.
 */
@IntegrationTest
class TimeLimitIntegrationTests {

  @Autowired
  JobScheduler jobs;

  @Autowired
  JobRuns runs;

  @Autowired
  SlowTask slow;

  @Autowired
  Scheduler quartz;

  @Autowired
  JsonMapper json;

  @Test
  void aTaskPastItsSoftLimitIsInterruptedCleansUpAndIsRetried() {
    UUID runId = enqueueSlow("{\"blockAttempts\": 1}");

    JobRunView run = awaitState(runId, "SUCCEEDED");

    assertThat(run.attempts()).isEqualTo(2);
    JobRunView.Attempt first = run.attemptLog().getFirst();
    assertThat(first.outcome()).isEqualTo("FAILED");
    assertThat(first.error()).contains("soft time limit PT0.3S exceeded")
        .contains("InterruptedException");
    assertThat(slow.events(runId)).containsExactly("cleaned-up");
    // Stopped by the interrupt at the soft limit, well before the hard one.
    assertThat(millis(first)).isBetween(SlowTask.LIMITS.soft().toMillis(),
        SlowTask.LIMITS.hard().toMillis() - 1);
  }

  @Test
  void aTaskIgnoringTheInterruptIsAbandonedAtTheHardLimitAndTheRunTimesOut() throws Exception {
    UUID runId = enqueueSlow("{\"ignoreInterrupt\": true}");

    JobRunView run = awaitState(runId, "TIMED_OUT");

    assertThat(run.attempts()).as("not retried beside the abandoned thread").isEqualTo(1);
    assertThat(run.attemptLog()).singleElement().satisfies(attempt -> {
      assertThat(attempt.outcome()).isEqualTo("TIMED_OUT");
      assertThat(attempt.error()).contains("hard time limit PT1S exceeded");
      assertThat(millis(attempt)).isGreaterThanOrEqualTo(SlowTask.LIMITS.hard().toMillis());
    });
    // Interrupted at the soft limit, ignored it, and is still blocked: Java cannot kill it ...
    assertThat(slow.events(runId)).containsExactly("ignored-interrupt");
    // ... but the Quartz worker no longer waits for it.
    await().atMost(Duration.ofSeconds(5)).until(() -> !executing(runId));

    slow.release(runId);

    await().atMost(Duration.ofSeconds(5))
        .until(() -> slow.events(runId).contains("finished"));
    JobRunView after = find(runId);
    assertThat(after.state()).as("a late finish changes nothing").isEqualTo("TIMED_OUT");
    assertThat(after.result()).isNull();
    assertThat(after.attemptLog()).hasSize(1);
  }

  private UUID enqueueSlow(String arguments) {
    return jobs.enqueue("slow", json.readTree(arguments), Instant.now());
  }

  private boolean executing(UUID runId) throws SchedulerException {
    for (JobExecutionContext running : quartz.getCurrentlyExecutingJobs()) {
      if (runId.toString().equals(running.getMergedJobDataMap().getString(JobScheduler.RUN_ID))) {
        return true;
      }
    }
    return false;
  }

  private JobRunView awaitState(UUID runId, String state) {
    return await().atMost(Duration.ofSeconds(15)).until(() -> find(runId),
        run -> run.state().equals(state));
  }

  private JobRunView find(UUID runId) {
    return runs.find(runId).orElseThrow();
  }

  private static long millis(JobRunView.Attempt attempt) {
    return Duration.between(attempt.startedAt(), Objects.requireNonNull(attempt.finishedAt()))
        .toMillis();
  }
}
