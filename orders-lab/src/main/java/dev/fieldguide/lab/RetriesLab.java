package dev.fieldguide.lab;

import dev.fieldguide.fixtures.FlakyTask;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * C3 lab: a flaky job that fails three times, then succeeds — its attempts' timestamps and the
 * gaps between them against the backoff windows — and one that never succeeds, dead at the end.
 */
@Component
class RetriesLab implements Lab {

  private static final Duration WAIT = Duration.ofSeconds(40);

  private final JsonMapper json;
  private final LabAuthorizedHttp http;

  RetriesLab(JsonMapper json, LabAuthorizedHttp http) {
    this.json = json;
    this.http = http;
  }

  @Override
  public String name() {
    return "retries";
  }

  @Override
  public String claim() {
    return "a failing job is retried after waits that double (1, 2, 4 s windows, half jitter),"
        + " and is dead after its last attempt";
  }

  @Override
  public void run(URI base, Phases phases) {
    String recovering = enqueue(base, "{\"failures\": 3}");
    String hopeless = enqueue(base, "{\"failures\": 99}");
    JsonNode recovered = await(base, recovering, "SUCCEEDED", "recovering job: attempts", phases);

    Map<String, Object> schedule = new LinkedHashMap<>();
    JsonNode log = recovered.path("attemptLog");
    boolean gapsHeld = log.size() == 4;
    for (int i = 0; i < log.size(); i++) {
      JsonNode attempt = log.get(i);
      String started = attempt.path("startedAt").asString();
      schedule.put("attempt " + (i + 1), started.substring(11, 23) + " "
          + attempt.path("outcome").asString());
      if (i > 0) {
        long gap = Duration.between(finished(log.get(i - 1)), OffsetDateTime.parse(started))
            .toMillis();
        long window = FlakyTask.POLICY.window(i + 1).toMillis();
        schedule.put("gap " + i, gap + " ms (window " + window + ")");
        gapsHeld &= gap >= window / 2 - 20;
      }
    }
    phases.add(new LabReport.Phase("fails 3 times, then succeeds", schedule,
        "4 attempts; each wait at least half its window, windows doubling", gapsHeld
            && recovered.path("state").asString().equals("SUCCEEDED")));
    phases.chart(attempts("Attempts of the job that recovers", log));
    JsonNode dead = await(base, hopeless, "DEAD", "dead job: attempts", phases);
    Map<String, Object> deadRun = new LinkedHashMap<>();
    deadRun.put("state", dead.path("state").asString());
    deadRun.put("attempts", dead.path("attempts").asInt());
    deadRun.put("error", dead.path("error").asString());

    phases.add(new LabReport.Phase("fails every time", deadRun,
        "DEAD after " + FlakyTask.POLICY.maxAttempts() + " attempts, last error kept",
        dead.path("state").asString().equals("DEAD")
            && dead.path("attempts").asInt() == FlakyTask.POLICY.maxAttempts()));
    phases.chart(attempts("Attempts of the job that never succeeds", dead.path("attemptLog")));
  }

  /** Each attempt's number against when it started, in seconds after the first attempt. */
  private static LabChart attempts(String title, JsonNode log) {
    List<Double> seconds = new ArrayList<>();
    List<Integer> numbers = new ArrayList<>();
    if (!log.isEmpty()) {
      OffsetDateTime first = started(log.get(0));
      for (JsonNode attempt : log) {
        seconds.add(Duration.between(first, started(attempt)).toMillis() / 1000.0);
        numbers.add(attempt.path("attempt").asInt());
      }
    }
    return LabChart.lines(title, "seconds since the first attempt", "attempt", seconds,
        Map.of("attempt", numbers));
  }

  private static OffsetDateTime started(JsonNode attempt) {
    return OffsetDateTime.parse(attempt.path("startedAt").asString());
  }

  private static OffsetDateTime finished(JsonNode attempt) {
    return OffsetDateTime.parse(attempt.path("finishedAt").asString());
  }

  private String enqueue(URI base, String arguments) {
    var response = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/jobs"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"type\": \"flaky\", \"arguments\": %s}".formatted(arguments))));
    return response.headers().firstValue("Location").orElseThrow(
        () -> new IllegalStateException("enqueue failed: " + response.body()));
  }

  /** Polls the run until it is in {@code state}, reporting its attempts as {@code step}. */
  private JsonNode await(URI base, String location, String state, String step, Phases phases) {
    Instant deadline = Instant.now().plus(WAIT);
    JsonNode run = json.readTree(http.get(base, location).body());
    int reported = -1;
    while (true) {
      int attempts = run.path("attempts").asInt();
      if (attempts != reported) { // only when it moves: the poll runs five times a second
        phases.progress(step, attempts, run.path("maxAttempts").asInt());
        reported = attempts;
      }
      if (run.path("state").asString().equals(state) || !Instant.now().isBefore(deadline)) {
        return run;
      }
      LabWait.pause(Duration.ofMillis(200));
      run = json.readTree(http.get(base, location).body());
    }
  }
}
