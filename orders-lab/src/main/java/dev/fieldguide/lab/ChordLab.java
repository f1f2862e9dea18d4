package dev.fieldguide.lab;

import dev.fieldguide.fixtures.Concurrently;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * C4 lab: chords over HTTP. One group of 20 members, one of which fails once and is retried, with
 * a callback: the callback is enqueued once, after the last member, with all 20 results. Then
 * five such groups at once: five callbacks, one each.
 */
@Component
class ChordLab implements Lab {

  private static final int MEMBERS = 20;
  private static final int GROUPS_AT_ONCE = 5;
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final JdbcClient jdbc;
  private final JsonMapper json;

  private final LabAuthorizedHttp http;

  ChordLab(JdbcClient jdbc, JsonMapper json, LabAuthorizedHttp http) {
    this.jdbc = jdbc;
    this.json = json;
    this.http = http;
  }

  @Override
  public String name() {
    return "chord";
  }

  @Override
  public String claim() {
    return "a chord's callback is enqueued exactly once, after its last member, even when a member"
        + " is retried and members finish together";
  }

  @Override
  public void run(URI base, Phases phases) {
    Instant posted = Instant.now();
    UUID group = postGroup(base);
    boolean done = awaitCallbacks(List.of(group));
    Map<String, Object> outcome = new LinkedHashMap<>();
    long finished = membersFinished(group);
    long callbacks = callbackRuns(group);
    long results = count("""
        SELECT coalesce(jsonb_array_length(r.result -> 'results'), 0)
        FROM job_groups g JOIN job_runs r ON r.id = g.callback_run_id WHERE g.id = ?
        """, group);
    outcome.put("members", MEMBERS);
    outcome.put("members finished", finished);
    outcome.put("retried member attempts", count("""
        SELECT r.attempts FROM job_group_members m JOIN job_runs r ON r.id = m.run_id
        WHERE m.group_id = ? AND m.position = ?
        """, group, MEMBERS - 1));
    outcome.put("callback runs", callbacks);
    outcome.put("results given to the callback", results);

    Map<String, Object> timing = timing(group, posted);
    boolean afterLast = Boolean.TRUE.equals(timing.remove("after last"));

    phases.add(new LabReport.Phase("group of " + MEMBERS + " + callback, member " + MEMBERS
        + " fails once", outcome,
        "all members finished, callback runs = 1 with "
            + MEMBERS + " results",
        done && finished == MEMBERS && callbacks == 1
            && results == MEMBERS));
    phases.add(new LabReport.Phase("time to callback", timing,
        "the callback starts only after the last member has finished", done && afterLast));
    List<UUID> groups = new ArrayList<>();
    Instant burst = Instant.now();
    Concurrently.run(GROUPS_AT_ONCE, i -> () -> postGroup(base)).forEach(groups::add);
    boolean burstDone = awaitCallbacks(groups);
    Map<String, Object> many = new LinkedHashMap<>();
    long allFinished = groups.stream().mapToLong(this::membersFinished).sum();
    List<Long> callbacksEach = groups.stream().map(this::callbackRuns).toList();
    many.put("groups", GROUPS_AT_ONCE);
    many.put("members finished", allFinished);
    many.put("callback runs per group", callbacksEach);
    many.put("ms", Duration.between(burst, Instant.now()).toMillis());

    phases.add(new LabReport.Phase(GROUPS_AT_ONCE + " groups of " + MEMBERS + " at once", many,
        "one callback per group", burstDone && allFinished == (long) GROUPS_AT_ONCE * MEMBERS
            && callbacksEach.stream().allMatch(c -> c == 1)));
  }

  private UUID postGroup(URI base) {
    List<String> members = new ArrayList<>();
    for (int i = 0; i < MEMBERS - 1; i++) {
      members.add("{\"type\": \"echo\", \"arguments\": {\"member\": %d}}".formatted(i));
    }
    members.add("{\"type\": \"flaky\", \"arguments\": {\"failures\": 1}}");
    String body = "{\"members\": [%s], \"callback\": {\"type\": \"echo\"}}".formatted(
        String.join(", ", members));
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
        base.resolve("/api/v1/jobs/groups")).header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)));
    if (response.statusCode() != 202) {
      throw new IllegalStateException("POST /api/v1/jobs/groups answered "
          + response.statusCode() + ": " + response.body());
    }
    return UUID.fromString(json.readTree(response.body()).path("groupId").asString());
  }

  /** Waits until each group's callback run has finished; false if WAIT ran out first. */
  private boolean awaitCallbacks(List<UUID> groups) {
    Instant deadline = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(deadline)) {
      long finished = groups.stream().filter(group -> count("""
          SELECT count(*) FROM job_groups g JOIN job_runs r ON r.id = g.callback_run_id
          WHERE g.id = ? AND r.state IN ('SUCCEEDED', 'DEAD')
          """, group) == 1).count();
      if (finished == groups.size()) {
        return true;
      }
      pause();
    }
    return false;
  }

  private Map<String, Object> timing(UUID group, Instant posted) {
    return jdbc.sql("""
        SELECT (SELECT max(r.finished_at) FROM job_group_members m
                JOIN job_runs r ON r.id = m.run_id WHERE m.group_id = g.id),
               c.started_at, c.finished_at
        FROM job_groups g JOIN job_runs c ON c.id = g.callback_run_id WHERE g.id = ?
        """).param(group).query(rs -> {
      Map<String, Object> values = new LinkedHashMap<>();
      if (rs.next()) {
        Instant last = rs.getObject(1, OffsetDateTime.class).toInstant();
        Instant started = rs.getObject(2, OffsetDateTime.class).toInstant();
        Instant finished = rs.getObject(3, OffsetDateTime.class).toInstant();
        values.put("post to last member ms", Duration.between(posted, last).toMillis());
        values.put("last member to callback start ms", Duration.between(last, started).toMillis());
        values.put("post to callback done ms", Duration.between(posted, finished).toMillis());
        values.put("after last", !started.isBefore(last));
      }
      return values;
    });
  }

  private long membersFinished(UUID group) {
    return count("""
        SELECT count(*) FROM job_group_members m JOIN job_runs r ON r.id = m.run_id
        WHERE m.group_id = ? AND r.state IN ('SUCCEEDED', 'DEAD')
        """, group);
  }

  private long callbackRuns(UUID group) {
    return count("SELECT count(*) FROM job_runs WHERE arguments ->> 'groupId' = ?",
        group.toString());
  }

  private long count(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query((rs, row) -> rs.getLong(1)).single();
  }

  private static void pause() {
    try {
      Thread.sleep(50); // a live demo polling the database, bounded by WAIT
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
