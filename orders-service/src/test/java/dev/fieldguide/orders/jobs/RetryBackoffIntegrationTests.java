package dev.fieldguide.orders.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fieldguide.fixtures.FlakyTask;
import dev.fieldguide.fixtures.PinnedBackoffTask;
import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SchedulerListener;
import org.quartz.Trigger;
import org.quartz.listeners.SchedulerListenerSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** C3: retries are scheduled after a doubling, capped, jittered window; a run that keeps failing ends dead. */
@IntegrationTest
class RetryBackoffIntegrationTests {

  private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

  @Autowired
  Api api;

  @Autowired
  Scheduler quartz;

  /**
   * The retries Quartz was handed, read off its scheduler as they are scheduled. The task's timing
   * is pinned (a clock standing still, a fixed jitter share), so each retry's time is exact:
   * windows of 1 s doubling per attempt up to the 8 s cap, each cut by the same 25 % jitter, all
   * counted from the pinned instant (the retries themselves run in real time, about 7 s in all).
   */
  @Test
  void retriesAreScheduledAtDoublingWindowsUpToTheCap() throws SchedulerException {
    List<Trigger> scheduled = new CopyOnWriteArrayList<>();
    SchedulerListener listener = new SchedulerListenerSupport() {
      @Override
      public void jobScheduled(Trigger trigger) {
        scheduled.add(trigger);
      }
    };
    quartz.getListenerManager().addSchedulerListener(listener);
    Instant pinned = PinnedBackoffTask.pinClock();
    JsonNode run;
    try {
      run = awaitState(enqueue("pinned-backoff", "{\"failures\": 5}"), "SUCCEEDED");
    } finally {
      quartz.getListenerManager().removeSchedulerListener(listener);
    }

    assertThat(run.path("attempts").asInt()).isEqualTo(6);
    String runId = run.path("runId").asString();
    List<Instant> due = scheduled.stream()
        .filter(trigger -> trigger.getJobKey().getName().startsWith(runId))
        .skip(1) // the first attempt, enqueued for now
        .map(trigger -> trigger.getStartTime().toInstant()).toList();
    // the window before attempt n is 1 s x 2^(n-2), at most 8 s; the delay is 75 % of it
    assertThat(due).map(at -> Duration.between(pinned, at).toMillis())
        .containsExactly(750L, 1_500L, 3_000L, 6_000L, 6_000L);
    for (int retry = 0; retry < due.size(); retry++) {
      Instant started = OffsetDateTime.parse(
          run.path("attemptLog").get(retry + 1).path("startedAt").asString()).toInstant();
      assertThat(started).as("attempt %d starts when due", retry + 2)
          .isAfterOrEqualTo(due.get(retry).minusMillis(50)); // clocks: app vs PostgreSQL
    }
  }

  @Test
  void aRunThatKeepsFailingIsDeadAfterMaxAttemptsWithItsError() {
    String location = enqueue("{\"failures\": 99}");

    JsonNode run = awaitState(location, "DEAD");

    assertThat(run.path("attempts").asInt()).isEqualTo(FlakyTask.POLICY.maxAttempts());
    assertThat(run.path("error").asString()).contains("planned failure 4 of 99");
    assertThat(run.path("attemptLog")).hasSize(4)
        .allSatisfy(attempt -> assertThat(attempt.path("outcome").asString()).isEqualTo("FAILED"));
  }

  @Test
  void aPermanentFailureIsDeadAtOnce() {
    JsonNode run = awaitState(enqueue("{\"permanent\": true}"), "DEAD");

    assertThat(run.path("attempts").asInt()).isEqualTo(1);
  }

  @Test
  void aDeadRunCanBeRedrivenForAnotherRoundOfAttempts() {
    String location = enqueue("{\"permanent\": true}");
    awaitState(location, "DEAD");

    var redriven = api.post(location.replace("/api/v1/jobs/", "/admin/jobs/") + "/redrive", "",
        JSON);

    assertThat(redriven.status()).isEqualTo(200);
    assertThat(redriven.jsonBody().path("maxAttempts").asInt())
        .isEqualTo(1 + FlakyTask.POLICY.maxAttempts());
    JsonNode again = await().atMost(Duration.ofSeconds(20)).until(
        () -> api.get(location).jsonBody(), run -> run.path("attempts").asInt() == 2
            && run.path("state").asString().equals("DEAD"));
    assertThat(again.path("attemptLog")).hasSize(2);
  }

  @Test
  void onlyADeadRunCanBeRedriven() {
    String location = enqueue("{\"failures\": 0}");
    awaitState(location, "SUCCEEDED");

    var refused = api.post(location.replace("/api/v1/jobs/", "/admin/jobs/") + "/redrive", "",
        JSON);

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.jsonBody().path("code").asString()).isEqualTo("RUN_NOT_DEAD");
  }

  private String enqueue(String arguments) {
    return enqueue("flaky", arguments);
  }

  private String enqueue(String type, String arguments) {
    var accepted = api.post("/api/v1/jobs",
        "{\"type\": \"%s\", \"arguments\": %s}".formatted(type, arguments), JSON);
    assertThat(accepted.status()).isEqualTo(202);
    return accepted.header("Location");
  }

  private JsonNode awaitState(String location, String state) {
    return await().atMost(Duration.ofSeconds(30)).until(() -> api.get(location).jsonBody(),
        run -> run.path("state").asString().equals(state));
  }
}
