package dev.fieldguide.orders.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.CapturedSpans;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * C1: enqueue now, after a countdown or at an eta, in the caller's transaction; the result backend;
 * bad input as problems. O2/C7: the run's span and log lines in the enqueuing request's trace.
 */
@IntegrationTest
class JobApiIntegrationTests {

  private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

  @Autowired
  Api api;

  @Autowired
  CapturedSpans spans;

  @Autowired
  JobScheduler jobs;

  @Autowired
  TransactionTemplate transactions;

  @Autowired
  JdbcClient jdbc;

  @Test
  void aRunEnqueuedNowSucceedsAndItsResultIsReadable() {
    var accepted = api.post("/api/v1/jobs",
        "{\"type\": \"echo\", \"arguments\": {\"order\": 42, \"note\": \"hi\"}}", JSON);

    assertThat(accepted.status()).isEqualTo(202);
    String location = accepted.header("Location");
    assertThat(location).startsWith("/api/v1/jobs/");
    JsonNode run = awaitState(location, "SUCCEEDED");
    assertThat(run.path("attempts").asInt()).isEqualTo(1);
    assertThat(run.path("result").path("order").asInt()).isEqualTo(42);
    assertThat(run.path("result").path("note").asString()).isEqualTo("hi");
    assertThat(run.path("attemptLog").get(0).path("outcome").asString()).isEqualTo("SUCCEEDED");
  }

  @Test
  void aCountdownDelaysTheRun(TestClock clock) {
    Instant now = clock.freeze().instant();

    var accepted = api.post("/api/v1/jobs", "{\"type\": \"echo\", \"countdownSeconds\": 2}",
        JSON);

    JsonNode queued = accepted.jsonBody();
    assertThat(queued.path("state").asString()).isEqualTo("SCHEDULED");
    Instant runAt = OffsetDateTime.parse(queued.path("runAt").asString()).toInstant();
    assertThat(runAt).isEqualTo(now.plusSeconds(2));
    JsonNode done = awaitState(accepted.header("Location"), "SUCCEEDED");
    Instant started = OffsetDateTime.parse(done.path("startedAt").asString()).toInstant();
    assertThat(started).isAfterOrEqualTo(runAt.minusMillis(50)); // clocks: app vs PostgreSQL
  }

  @Test
  void theEtaWindowIsJudgedByTheApplicationsClock(TestClock clock) {
    Instant inAnHour = Instant.now().plus(Duration.ofHours(1));
    clock.freezeAt(inAnHour.plus(Duration.ofDays(400)));

    var refused = api.post("/api/v1/jobs",
        "{\"type\": \"echo\", \"eta\": \"%s\"}".formatted(inAnHour), JSON);

    assertProblem(refused, 400, "VALIDATION_FAILED"); // 400 days before the application's now
  }

  @Test
  void anEtaInTheFutureStaysScheduledUntilThen() {
    Instant eta = Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.MILLIS);

    var accepted = api.post("/api/v1/jobs",
        "{\"type\": \"echo\", \"eta\": \"%s\"}".formatted(eta), JSON);

    assertThat(accepted.status()).isEqualTo(202);
    JsonNode run = api.get(accepted.header("Location")).jsonBody();
    assertThat(run.path("state").asString()).isEqualTo("SCHEDULED");
    assertThat(OffsetDateTime.parse(run.path("runAt").asString()).toInstant()).isEqualTo(eta);
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void theEnqueuingRequestsTraceIdIsOnTheRunsLogLines(CapturedOutput output) {
    String traceId = UUID.randomUUID().toString().replace("-", "");
    Map<String, String> headers = Map.of("Content-Type", "application/json", "traceparent",
        "00-" + traceId + "-00f067aa0ba902b7-01");

    var accepted = api.post("/api/v1/jobs",
        "{\"type\": \"flaky\", \"arguments\": {\"permanent\": true}}", headers);
    awaitState(accepted.header("Location"), "DEAD");

    String runId = accepted.jsonBody().path("runId").asString();
    assertThat(output.getAll().lines().filter(line -> line.contains(runId + " of flaky is dead")))
        .singleElement().asString().contains("trace=" + traceId);
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void eachRetriedAttemptIsLoggedWithItsErrorAndTheNextAttemptsTime(CapturedOutput output) {
    var accepted = api.post("/api/v1/jobs",
        "{\"type\": \"flaky\", \"arguments\": {\"failures\": 1}}", JSON);
    awaitState(accepted.header("Location"), "SUCCEEDED");

    String runId = accepted.jsonBody().path("runId").asString();
    assertThat(output.getAll().lines()
        .filter(line -> line.contains("Run " + runId + " of flaky failed in attempt")))
        .singleElement().asString()
        .contains("failed in attempt 1 of 4; next attempt at ", "planned failure 1 of 1");
  }

  /** O2: the parent is the request's own server span, one the exporter really received. */
  @Test
  void theRunsSpanIsAChildOfTheEnqueuingRequestsServerSpan() {
    String traceId = UUID.randomUUID().toString().replace("-", "");
    Map<String, String> headers = Map.of("Content-Type", "application/json", "traceparent",
        "00-" + traceId + "-00f067aa0ba902b7-01");

    var accepted = api.post("/api/v1/jobs", "{\"type\": \"echo\"}", headers);
    awaitState(accepted.header("Location"), "SUCCEEDED");

    SpanData request = spans.serverSpan(traceId, "POST /api/v1/jobs");
    assertThat(request.getParentSpanId()).as("the caller's span").isEqualTo("00f067aa0ba902b7");
    assertThat(spans.childrenOf(request, "job echo"::equals)).singleElement()
        .satisfies(run -> {
          assertThat(run.getTraceId()).isEqualTo(request.getTraceId());
          assertThat(run.getKind()).isEqualTo(SpanKind.CONSUMER);
        });
  }

  /**
   * C1: enqueueing joins the caller's transaction, so a caller that rolls back leaves neither the
   * run's record nor its place in Quartz's queue (an hour away, so a queue row that escaped the
   * rollback would still be there to see).
   */
  @Test
  void aRunEnqueuedInATransactionThatRollsBackIsNeitherRecordedNorQueued() {
    UUID run = enqueueInATransaction(TransactionStatus::setRollbackOnly);

    assertThat(recordedAndQueued(run)).containsExactly(0L, 0L);
  }

  @Test
  void aRunEnqueuedInATransactionThatCommitsIsRecordedAndQueuedTogether() {
    UUID run = enqueueInATransaction(status -> {
    });

    assertThat(recordedAndQueued(run)).containsExactly(1L, 1L);
  }

  private UUID enqueueInATransaction(Consumer<TransactionStatus> thenTheCaller) {
    return Objects.requireNonNull(transactions.execute(status -> {
      UUID run = jobs.enqueue("echo", JsonNodeFactory.instance.objectNode(),
          Instant.now().plus(Duration.ofHours(1)));
      thenTheCaller.accept(status);
      return run;
    }));
  }

  /** The run's rows: in the result backend ({@code job_runs}) and in Quartz's queue. */
  private List<Long> recordedAndQueued(UUID run) {
    return List.of(
        jdbc.sql("SELECT count(*) FROM job_runs WHERE id = ?").param(run).query(Long.class)
            .single(),
        jdbc.sql("SELECT count(*) FROM qrtz_triggers WHERE job_group = 'tasks' AND job_name"
            + " LIKE ?").param(run + "-%").query(Long.class).single());
  }

  @Test
  void badInputIsAProblemNeverAServerError() {
    assertProblem(api.post("/api/v1/jobs", "{\"type\": \"no-such-job\"}", JSON), 400,
        "UNKNOWN_JOB_TYPE");
    assertProblem(api.post("/api/v1/jobs", "{\"type\": \"echo\", \"eta\": \"tomorrow\"}", JSON),
        400, null);
    assertProblem(api.post("/api/v1/jobs",
        "{\"type\": \"echo\", \"eta\": \"%s\", \"countdownSeconds\": 5}"
            .formatted(Instant.now().plusSeconds(3600)),
        JSON),
        400, "COUNTDOWN_AND_ETA");
    assertProblem(api.post("/api/v1/jobs", "{\"type\": \"echo\", \"arguments\": [1, 2]}", JSON),
        400, "ARGUMENTS_NOT_AN_OBJECT");
    assertProblem(api.post("/api/v1/jobs", "{\"arguments\": {}}", JSON), 400, null);
    assertProblem(api.get("/api/v1/jobs/" + UUID.randomUUID()), 404, null);
    assertProblem(api.get("/api/v1/jobs/not-a-uuid"), 400, null);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      "countdownSeconds": 9223372036854775807      | countdownSeconds
      "countdownSeconds": 31622401                 | countdownSeconds
      "eta": "+1000000-01-01T00:00:00Z"            | eta
      "eta": "2000-01-01T00:00:00Z"                | eta
      """)
  void aRunFartherThanAYearAwayIsA400NamingTheField(String member, String field) {
    var response = api.post("/api/v1/jobs", "{\"type\": \"echo\", %s}".formatted(member), JSON);

    assertProblem(response, 400, "VALIDATION_FAILED");
    assertThat(response.jsonBody().path("errors").get(0).path("field").asString())
        .isEqualTo(field);
  }

  private JsonNode awaitState(String location, String state) {
    return await().atMost(Duration.ofSeconds(20)).until(() -> api.get(location).jsonBody(),
        run -> run.path("state").asString().equals(state));
  }

  private static void assertProblem(Api.Response response, int status, @Nullable String code) {
    assertThat(response.status()).isEqualTo(status);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    if (code != null) {
      assertThat(response.jsonBody().path("code").asString()).isEqualTo(code);
    }
  }
}
