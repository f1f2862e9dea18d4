package dev.fieldguide.lab;

import dev.fieldguide.fixtures.FlakyTask;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
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
    JsonNode recovered = await(base, recovering, "SUCCEEDED");

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
    JsonNode dead = await(base, hopeless, "DEAD");
    Map<String, Object> deadRun = new LinkedHashMap<>();
    deadRun.put("state", dead.path("state").asString());
    deadRun.put("attempts", dead.path("attempts").asInt());
    deadRun.put("error", dead.path("error").asString());

    phases.add(new LabReport.Phase("fails every time", deadRun,
        "DEAD after " + FlakyTask.POLICY.maxAttempts() + " attempts, last error kept",
        dead.path("state").asString().equals("DEAD")
            && dead.path("attempts").asInt() == FlakyTask.POLICY.maxAttempts()));
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

  private JsonNode await(URI base, String location, String state) {
    Instant deadline = Instant.now().plus(WAIT);
    JsonNode run = json.readTree(http.get(base, location).body());
    while (!run.path("state").asString().equals(state) && Instant.now().isBefore(deadline)) {
      LabWait.pause(Duration.ofMillis(200));
      run = json.readTree(http.get(base, location).body());
    }
    return run;
  }
}
