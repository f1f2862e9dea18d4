package dev.fieldguide.orders.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fieldguide.fixtures.Concurrently;
import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.TriggerBuilder;
import org.quartz.impl.JobExecutionContextImpl;
import org.quartz.spi.OperableTrigger;
import org.quartz.spi.TriggerFiredBundle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * C4: a chain hands each result to the next step; a group runs its members; a chord's callback
 * is enqueued exactly once — after a retried member, when many members finish at once, and when
 * a member's success is delivered twice.
 */
@IntegrationTest
class JobWorkflowIntegrationTests {

  private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Autowired
  Api api;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  JobRuns runs;

  @Autowired
  JobGroups groups;

  @Autowired
  Scheduler quartz;

  @Autowired
  TransactionTemplate transactions;

  @Autowired
  ApplicationContext context;

  @Test
  void eachChainStepGetsThePreviousStepsResult() {
    var accepted = api.post("/api/v1/jobs/chains", """
        {"steps": [{"type": "echo", "arguments": {"a": 1}},
                   {"type": "echo", "arguments": {"b": 2}},
                   {"type": "echo", "arguments": {"c": 3}}]}
        """, JSON);

    assertThat(accepted.status()).isEqualTo(202);
    JsonNode chain = await().atMost(WAIT).until(() -> api.get(accepted.header("Location"))
        .jsonBody(), view -> view.path("state").asString().equals("SUCCEEDED"));
    JsonNode last = run(chain.path("steps").get(2).path("runId").asString());
    // echo returns its arguments: step 3 got step 2's result, which held step 1's.
    assertThat(last.path("result").path("c").asInt()).isEqualTo(3);
    assertThat(last.path("result").path("previous").path("b").asInt()).isEqualTo(2);
    assertThat(last.path("result").path("previous").path("previous").path("a").asInt())
        .isEqualTo(1);
    JsonNode first = run(chain.path("steps").get(0).path("runId").asString());
    JsonNode second = run(chain.path("steps").get(1).path("runId").asString());
    assertThat(OffsetDateTime.parse(second.path("startedAt").asString()))
        .isAfterOrEqualTo(OffsetDateTime.parse(first.path("finishedAt").asString()));
  }

  @Test
  void aChainStopsAtADeadStep() {
    var accepted = api.post("/api/v1/jobs/chains", """
        {"steps": [{"type": "flaky", "arguments": {"permanent": true}}, {"type": "echo"}]}
        """, JSON);

    JsonNode chain = await().atMost(WAIT).until(() -> api.get(accepted.header("Location"))
        .jsonBody(), view -> view.path("state").asString().equals("FAILED"));
    assertThat(chain.path("steps").get(0).path("state").asString()).isEqualTo("DEAD");
    assertThat(chain.path("steps").get(1).path("runId").isMissingNode()).isTrue();
  }

  @Test
  void aGroupOfTenRunsEveryMember() {
    var accepted = api.post("/api/v1/jobs/groups", groupBody(10, "", null), JSON);

    assertThat(accepted.status()).isEqualTo(202);
    // All ten are queued at once, none waits for another.
    List<String> members = ids(accepted.jsonBody().path("memberRunIds"));
    assertThat(members).hasSize(10).doesNotHaveDuplicates();
    assertThat(members).allSatisfy(id -> assertThat(run(id).path("state").asString())
        .isIn("SCHEDULED", "RUNNING", "SUCCEEDED"));
    JsonNode group = awaitGroupDone(accepted.header("Location"));
    assertThat(group.path("state").asString()).isEqualTo("SUCCEEDED");
    assertThat(group.path("remaining").asInt()).isZero();
    assertThat(group.path("callbackRunId").isMissingNode()).isTrue();
    assertThat(members).allSatisfy(id -> assertThat(run(id).path("state").asString())
        .isEqualTo("SUCCEEDED"));
  }

  @Test
  void aChordCallbackRunsOnceAfterEveryMemberIncludingOneThatWasRetried() {
    var accepted = api.post("/api/v1/jobs/groups", groupBody(4, "{\"failures\": 1}",
        "{\"type\": \"echo\", \"arguments\": {\"report\": true}}"), JSON);
    UUID groupId = UUID.fromString(accepted.jsonBody().path("groupId").asString());

    JsonNode group = awaitGroupDone(accepted.header("Location"));
    JsonNode callback = await().atMost(WAIT).until(
        () -> run(group.path("callbackRunId").asString()),
        run -> run.path("state").asString().equals("SUCCEEDED"));

    assertThat(callbackRuns(groupId)).isEqualTo(1);
    List<JsonNode> members = ids(group.path("memberRunIds")).stream().map(this::run).toList();
    JsonNode flaky = members.getLast();
    assertThat(flaky.path("attempts").asInt()).isEqualTo(2);
    // The first, failed attempt did not count: the callback came after the retry succeeded.
    assertThat(OffsetDateTime.parse(callback.path("startedAt").asString()))
        .isAfterOrEqualTo(OffsetDateTime.parse(flaky.path("finishedAt").asString()));
    JsonNode results = callback.path("result").path("results");
    assertThat(results).hasSize(4);
    assertThat(results.get(3).path("succeededOnAttempt").asInt()).isEqualTo(2);
    assertThat(callback.path("result").path("report").asBoolean()).isTrue();
  }

  @Test
  void aDeadMemberCountsAsFinishedSoTheCallbackStillRuns() {
    var accepted = api.post("/api/v1/jobs/groups",
        groupBody(3, "{\"permanent\": true}", "{\"type\": \"echo\"}"), JSON);

    JsonNode group = awaitGroupDone(accepted.header("Location"));

    assertThat(group.path("state").asString()).isEqualTo("FAILED");
    assertThat(group.path("dead").asInt()).isEqualTo(1);
    JsonNode callback = await().atMost(WAIT).until(
        () -> run(group.path("callbackRunId").asString()),
        run -> run.path("state").asString().equals("SUCCEEDED"));
    assertThat(callback.path("result").path("results").get(2).isNull()).isTrue();
  }

  @Test
  void twentyFastMembersFinishingTogetherEnqueueTheCallbackOnce() {
    var accepted = api.post("/api/v1/jobs/groups", groupBody(20, "", "{\"type\": \"echo\"}"),
        JSON);
    UUID groupId = UUID.fromString(accepted.jsonBody().path("groupId").asString());

    JsonNode group = awaitGroupDone(accepted.header("Location"));

    await().atMost(WAIT).until(() -> callbackRuns(groupId) > 0);
    assertThat(group.path("remaining").asInt()).isZero();
    assertThat(callbackRuns(groupId)).isEqualTo(1);
  }

  @Test
  void twentyMembersWhoseSuccessesCommitAtTheSameMomentEnqueueTheCallbackOnce() {
    // Twenty runs outside Quartz, executed by twenty TaskJobs released together: each records
    // its success and counts the group down in its own transaction, all at once.
    List<UUID> members = unqueuedMembers(20);
    UUID groupId = unqueuedGroup(members);

    Concurrently.run(members.size(), i -> () -> {
      taskJob().execute(firing(members.get(i)));
      return null;
    });

    assertThat(remaining(groupId)).isZero();
    assertThat(callbackRuns(groupId)).isEqualTo(1);
  }

  @Test
  void aMemberWhoseSuccessIsDeliveredTwiceCountsOnce() {
    List<UUID> members = unqueuedMembers(2);
    UUID groupId = unqueuedGroup(members);
    UUID member = members.getFirst();
    JobRuns.Started started = Objects.requireNonNull(
        transactions.execute(status -> runs.start(member))).orElseThrow();
    RunCompletion completion = context.getBean(RunCompletion.class);

    // Two workers ran the member (one was wrongly thought dead and its run recovered), and both
    // record its success at the same moment, each in its own transaction as TaskJob does.
    Concurrently.run(2, i -> () -> {
      transactions.executeWithoutResult(status -> {
        runs.succeeded(started, "{}");
        completion.succeeded(member, "{}");
      });
      return null;
    });
    assertThat(remaining(groupId)).isEqualTo(1);
    // Quartz delivers the finished run once more: TaskJob starts nothing.
    taskJob().execute(firing(member));

    assertThat(run(member.toString()).path("attempts").asInt()).isEqualTo(1);
    assertThat(remaining(groupId)).isEqualTo(1);
    assertThat(callbackRuns(groupId)).isZero();
    taskJob().execute(firing(members.getLast()));
    assertThat(remaining(groupId)).isZero();
    assertThat(callbackRuns(groupId)).isEqualTo(1);
  }

  @Test
  void badWorkflowsAreProblemsAndNothingIsEnqueued() {
    long before = count("SELECT count(*) FROM job_runs");
    String tooMany = IntStream.range(0, JobWorkflows.MAX_SIZE + 1)
        .mapToObj(i -> "{\"type\": \"echo\"}").collect(Collectors.joining(","));

    assertProblem(api.post("/api/v1/jobs/groups", "{\"members\": []}", JSON), 400,
        "WORKFLOW_EMPTY");
    assertProblem(api.post("/api/v1/jobs/chains", "{}", JSON), 400, "WORKFLOW_EMPTY");
    assertProblem(api.post("/api/v1/jobs/groups", "{\"members\": [%s]}".formatted(tooMany),
        JSON), 400, "WORKFLOW_TOO_LARGE");
    assertProblem(api.post("/api/v1/jobs/groups",
        "{\"members\": [{\"type\": \"echo\"}, {\"type\": \"no-such-job\"}]}", JSON), 400,
        "UNKNOWN_JOB_TYPE");
    assertProblem(api.post("/api/v1/jobs/groups",
        "{\"members\": [{\"type\": \"echo\"}], \"callback\": {\"type\": \"nope\"}}", JSON), 400,
        "UNKNOWN_JOB_TYPE");
    assertProblem(api.post("/api/v1/jobs/chains",
        "{\"steps\": [{\"type\": \"echo\", \"arguments\": 7}]}", JSON), 400,
        "ARGUMENTS_NOT_AN_OBJECT");
    assertProblem(api.post("/api/v1/jobs/chains", "{\"steps\": [{\"arguments\": {}}]}", JSON),
        400, "VALIDATION_FAILED");
    assertProblem(api.get("/api/v1/jobs/groups/" + UUID.randomUUID()), 404, null);
    assertProblem(api.get("/api/v1/jobs/chains/" + UUID.randomUUID()), 404, null);
    assertThat(count("SELECT count(*) FROM job_runs")).isEqualTo(before);
  }

  private static String groupBody(int members, String lastArguments,
      @Nullable String callback) {
    List<String> steps = new ArrayList<>();
    for (int i = 0; i < members; i++) {
      steps.add(i == members - 1 && !lastArguments.isEmpty()
          ? "{\"type\": \"flaky\", \"arguments\": %s}".formatted(lastArguments)
          : "{\"type\": \"echo\", \"arguments\": {\"member\": %d}}".formatted(i));
    }
    return "{\"members\": [%s]%s}".formatted(String.join(",", steps),
        callback == null ? "" : ", \"callback\": " + callback);
  }

  private JsonNode awaitGroupDone(String location) {
    return await().atMost(WAIT).until(() -> api.get(location).jsonBody(),
        group -> group.path("remaining").asInt(-1) == 0);
  }

  private JsonNode run(String runId) {
    return api.get("/api/v1/jobs/" + runId).jsonBody();
  }

  private long callbackRuns(UUID groupId) {
    return jdbc.sql("SELECT count(*) FROM job_runs WHERE arguments ->> 'groupId' = ?")
        .param(groupId.toString()).query((rs, row) -> rs.getLong(1)).single();
  }

  private int remaining(UUID groupId) {
    return jdbc.sql("SELECT remaining FROM job_groups WHERE id = ?").param(groupId)
        .query((rs, row) -> rs.getInt(1)).single();
  }

  private long count(String sql) {
    return jdbc.sql(sql).query((rs, row) -> rs.getLong(1)).single();
  }

  /** Echo runs recorded but never put on Quartz's queue: only the test executes them. */
  private List<UUID> unqueuedMembers(int count) {
    List<UUID> members = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      UUID id = UUID.randomUUID();
      runs.insert(id, "echo", "{\"member\": %d}".formatted(i), 1, Instant.now(), null);
      members.add(id);
    }
    return members;
  }

  private UUID unqueuedGroup(List<UUID> members) {
    UUID groupId = UUID.randomUUID();
    transactions.executeWithoutResult(status -> {
      groups.create(groupId, members.size(),
          new Step("echo", JsonNodeFactory.instance.objectNode()));
      for (int i = 0; i < members.size(); i++) {
        groups.addMember(groupId, i, members.get(i));
      }
    });
    return groupId;
  }

  /** A TaskJob as Quartz makes it: a new instance with its collaborators injected. */
  private TaskJob taskJob() {
    return context.getAutowireCapableBeanFactory().createBean(TaskJob.class);
  }

  /** What Quartz hands a job when a trigger for {@code runId} fires. */
  private JobExecutionContextImpl firing(UUID runId) {
    JobDetail job = JobBuilder.newJob(TaskJob.class)
        .usingJobData(JobScheduler.RUN_ID, runId.toString()).build();
    var trigger = (OperableTrigger) TriggerBuilder.newTrigger().forJob(job).build();
    var bundle = new TriggerFiredBundle(job, trigger, null, false, Date.from(Instant.now()), null,
        null, null);
    return new JobExecutionContextImpl(quartz, bundle, new NoJob());
  }

  /** Stands in for the job instance a firing carries; TaskJob never looks at it. */
  private static final class NoJob implements org.quartz.Job {
    @Override
    public void execute(org.quartz.JobExecutionContext context) {}
  }

  private static List<String> ids(JsonNode array) {
    List<String> ids = new ArrayList<>();
    array.forEach(id -> ids.add(id.asString()));
    return ids;
  }

  private static void assertProblem(Api.Response response, int status,
      @Nullable String code) {
    assertThat(response.status()).isEqualTo(status);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    if (code != null) {
      assertThat(response.jsonBody().path("code").asString()).isEqualTo(code);
    }
  }
}
