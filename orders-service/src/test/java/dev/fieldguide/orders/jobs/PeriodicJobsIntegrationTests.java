package dev.fieldguide.orders.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fieldguide.orders.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * C5: the schedules are cron triggers with the configured expressions, zone and misfire policy,
 * on durable jobs that never overlap; each periodic job, fired once, does its work.
 */
@IntegrationTest
class PeriodicJobsIntegrationTests {

  @Autowired
  Scheduler quartz;

  @Autowired
  PeriodicSchedules schedules;

  @Autowired
  JobRuns runs;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  JsonMapper json;

  private final List<TriggerKey> held = new ArrayList<>();

  @Test
  void eachScheduleIsACronTriggerFiringAtItsConfiguredTimeInUtc() throws Exception {
    Instant now = Instant.now();

    assertSchedule("expire-idempotency-keys", "0 7 * * * ?",
        CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW,
        next(now, t -> t.truncatedTo(ChronoUnit.HOURS).withMinute(7), Duration.ofHours(1)));
    assertSchedule("purge-job-runs", "0 17 3 * * ?", CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW,
        next(now, t -> t.with(LocalTime.of(3, 17)), Duration.ofDays(1)));
    assertSchedule("refresh-daily-sales", "0 */5 * * * ?",
        CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW,
        next(now, t -> t.truncatedTo(ChronoUnit.HOURS).plusMinutes(t.getMinute() / 5 * 5L),
            Duration.ofMinutes(5)));
  }

  @Test
  void registeringAgainKeepsUnchangedTriggersAndRemovesRetiredSchedules() throws Exception {
    // A daily trigger: a 5-minute one could fire between the two reads and move its next time.
    TriggerKey report = TriggerKey.triggerKey("purge-job-runs", PeriodicSchedules.GROUP);
    Trigger before = Objects.requireNonNull(quartz.getTrigger(report));
    JobKey retired = JobKey.jobKey("retired-task", PeriodicSchedules.GROUP);
    quartz.addJob(JobBuilder.newJob(PeriodicTaskJob.class).withIdentity(retired).storeDurably()
        .build(), false);

    schedules.afterPropertiesSet(); // what every node does at startup

    assertThat(quartz.checkExists(retired)).isFalse();
    Trigger after = Objects.requireNonNull(quartz.getTrigger(report));
    // Not replaced: a replacement would start now and forget a firing the cluster missed.
    assertThat(after.getStartTime()).isEqualTo(before.getStartTime());
    assertThat(after.getNextFireTime()).isEqualTo(before.getNextFireTime());
  }

  @Test
  void theKeyCleanupDeletesExpiredKeysAndKeepsLiveOnes() throws Exception {
    holdSchedule("expire-idempotency-keys");
    String expired = "expired-" + UUID.randomUUID();
    String live = "live-" + UUID.randomUUID();
    insertKey(expired, "now() - interval '1 minute'");
    insertKey(live, "now() + interval '1 hour'");

    JobRunView run = fireOnce("expire-idempotency-keys");

    assertThat(result(run).path("deleted").asLong()).isPositive();
    assertThat(keyExists(expired)).isFalse();
    assertThat(keyExists(live)).isTrue();
  }

  @Test
  void theRetentionCleanupDeletesOnlyRunsFinishedLongerAgo() throws Exception {
    holdSchedule("purge-job-runs");
    UUID oldSucceeded = insertRun("SUCCEEDED", 15);
    UUID oldDead = insertRun("DEAD", 20);
    jdbc.sql("INSERT INTO job_checkpoints (run_id, last_id, processed) VALUES (?, 1, 1)")
        .param(oldDead).update();
    UUID recent = insertRun("SUCCEEDED", 13);
    UUID oldButRetrying = insertRun("RETRYING", 30);
    jdbc.sql("UPDATE job_runs SET finished_at = NULL WHERE id = ?").param(oldButRetrying).update();

    JobRunView run = fireOnce("purge-job-runs");

    assertThat(result(run).path("deleted").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(runs.find(oldSucceeded)).isEmpty();
    assertThat(runs.find(oldDead)).isEmpty();
    assertThat(jdbc.sql("SELECT count(*) FROM job_checkpoints WHERE run_id = ?").param(oldDead)
        .query((rs, row) -> rs.getLong(1)).single()).isZero();
    assertThat(runs.find(recent)).isPresent();
    assertThat(runs.find(oldButRetrying)).isPresent();
  }

  @Test
  void theDailySalesRefreshRefreshesTheViewAndRecordsWhen() throws Exception {
    holdSchedule("refresh-daily-sales");
    Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);

    JobRunView run = fireOnce("refresh-daily-sales");

    JsonNode result = result(run);
    assertThat(result.path("view").asString()).isEqualTo("daily_product_sales");
    assertThat(Instant.parse(result.path("asOf").asString())).isAfterOrEqualTo(before);
    assertThat(run.attempts()).isEqualTo(1);
    assertThat(jdbc.sql("""
        SELECT relispopulated FROM pg_class WHERE oid = 'daily_product_sales'::regclass
        """).query(Boolean.class).single()).isTrue();
    assertThat(jdbc.sql("SELECT refreshed_at FROM report_refreshes WHERE view_name = ?")
        .param("daily_product_sales").query(OffsetDateTime.class).single()
        .toInstant()).isEqualTo(Instant.parse(result.path("asOf").asString()));
  }

  private void assertSchedule(String type, String cron, int misfire, Instant nextFire)
      throws Exception {
    Trigger trigger = quartz.getTrigger(TriggerKey.triggerKey(type, PeriodicSchedules.GROUP));
    assertThat(trigger).isInstanceOfSatisfying(CronTrigger.class, it -> {
      assertThat(it.getCronExpression()).isEqualTo(cron);
      assertThat(it.getTimeZone().getID()).isEqualTo("UTC");
      assertThat(it.getMisfireInstruction()).isEqualTo(misfire);
      assertThat(it.getNextFireTime().toInstant()).as(type + " fires next").isEqualTo(nextFire);
    });
    JobDetail job = quartz.getJobDetail(Objects.requireNonNull(trigger).getJobKey());
    assertThat(job.getJobClass()).isEqualTo(PeriodicTaskJob.class);
    assertThat(job.isDurable()).isTrue();
    assertThat(job.isConcurrentExecutionDisallowed()).isTrue();
  }

  /** The first time after {@code now} that {@code candidate} gives, stepping by {@code every}. */
  private static Instant next(Instant now, UnaryOperator<ZonedDateTime> candidate,
      Duration every) {
    ZonedDateTime time = candidate.apply(now.atZone(ZoneOffset.UTC));
    return time.toInstant().isAfter(now) ? time.toInstant() : time.plus(every).toInstant();
  }

  /**
   * Pauses the schedule of {@code type} and waits until no firing of it is running, so the run a
   * test fires is the only one to see the data the test writes next. Without it a scheduled firing
   * in the same seconds (the key cleanup runs at minute 7 of every hour, the refresh every five
   * minutes) did the work first and left the test's run nothing to report. Resumed after the test.
   */
  private void holdSchedule(String type) throws Exception {
    TriggerKey schedule = TriggerKey.triggerKey(type, PeriodicSchedules.GROUP);
    quartz.pauseTrigger(schedule);
    held.add(schedule);
    JobKey job = JobKey.jobKey(type, PeriodicSchedules.GROUP);
    await().atMost(Duration.ofSeconds(15)).until(() -> quartz.getCurrentlyExecutingJobs().stream()
        .noneMatch(running -> running.getJobDetail().getKey().equals(job)));
  }

  @AfterEach
  void resumeHeldSchedules() throws Exception {
    for (TriggerKey schedule : held) {
      quartz.resumeTrigger(schedule);
    }
    held.clear();
  }

  /** Fires the periodic job now through Quartz and waits for the run it records. */
  private JobRunView fireOnce(String type) throws Exception {
    Set<UUID> earlier = Set.copyOf(runIds(type));
    quartz.triggerJob(JobKey.jobKey(type, PeriodicSchedules.GROUP));
    UUID runId = await().atMost(Duration.ofSeconds(15))
        .until(() -> runIds(type).stream().filter(id -> !earlier.contains(id)).findFirst(),
            Optional::isPresent)
        .orElseThrow();
    return await().atMost(Duration.ofSeconds(15))
        .until(() -> runs.find(runId).orElseThrow(), run -> run.state().equals("SUCCEEDED"));
  }

  private JsonNode result(JobRunView run) {
    return json.readTree(Objects.requireNonNull(run.result()));
  }

  private List<UUID> runIds(String type) {
    return jdbc.sql("SELECT id FROM job_runs WHERE job_type = ?").param(type)
        .query((rs, row) -> rs.getObject(1, UUID.class)).list();
  }

  private UUID insertRun(String state, int finishedDaysAgo) {
    UUID id = UUID.randomUUID();
    jdbc.sql("""
        INSERT INTO job_runs (id, job_type, state, max_attempts, run_at, created_at, finished_at)
        VALUES (?, 'echo', ?, 1, now() - interval '30 days', now() - interval '30 days',
                now() - make_interval(days => ?))
        """).params(id, state, finishedDaysAgo).update();
    return id;
  }

  private void insertKey(String key, String expiresAt) {
    jdbc.sql("""
        INSERT INTO idempotency_keys (client_id, idempotency_key, fingerprint, response_status,
                                      response_headers, response_body, expires_at)
        VALUES ('periodic-test', ?, 'f', 201, '{}', ''::bytea, %s)
        """.formatted(expiresAt)).param(key).update();
  }

  private boolean keyExists(String key) {
    return jdbc.sql("SELECT count(*) FROM idempotency_keys WHERE idempotency_key = ?").param(key)
        .query((rs, row) -> rs.getLong(1)).single() == 1;
  }
}
