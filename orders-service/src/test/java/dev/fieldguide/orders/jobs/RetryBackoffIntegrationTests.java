package dev.fieldguide.orders.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fieldguide.fixtures.FlakyTask;
import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** C3: retries wait out a doubling, jittered window; a run that keeps failing ends dead. */
@IntegrationTest
class RetryBackoffIntegrationTests {

  private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

  @Autowired
  Api api;

  @Test
  void attemptsFollowTheBackoffScheduleUntilOneSucceeds() {
    String location = enqueue("{\"failures\": 3}");

    JsonNode run = awaitState(location, "SUCCEEDED");

    assertThat(run.path("attempts").asInt()).isEqualTo(4);
    List<Long> gaps = gapsBetweenAttempts(run);
    assertThat(gaps).hasSize(3);
    for (int i = 0; i < gaps.size(); i++) {
      long window = FlakyTask.POLICY.window(i + 2).toMillis(); // 1, 2, 4 s
      // Half jitter: each wait is in the upper half of its window, so each is at least as long
      // as the whole previous window. Quartz may start late, never early.
      assertThat(gaps.get(i)).as("gap before attempt %d", i + 2)
          .isGreaterThanOrEqualTo(window / 2 - 20);
      assertThat(gaps.get(i)).isLessThan(window + 3_000);
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
    var accepted = api.post("/api/v1/jobs",
        "{\"type\": \"flaky\", \"arguments\": %s}".formatted(arguments), JSON);
    assertThat(accepted.status()).isEqualTo(202);
    return accepted.header("Location");
  }

  private JsonNode awaitState(String location, String state) {
    return await().atMost(Duration.ofSeconds(30)).until(() -> api.get(location).jsonBody(),
        run -> run.path("state").asString().equals(state));
  }

  private static List<Long> gapsBetweenAttempts(JsonNode run) {
    List<Long> gaps = new ArrayList<>();
    JsonNode log = run.path("attemptLog");
    for (int i = 1; i < log.size(); i++) {
      gaps.add(Duration.between(
          OffsetDateTime.parse(log.get(i - 1).path("finishedAt").asString()),
          OffsetDateTime.parse(log.get(i).path("startedAt").asString())).toMillis());
    }
    return gaps;
  }
}
