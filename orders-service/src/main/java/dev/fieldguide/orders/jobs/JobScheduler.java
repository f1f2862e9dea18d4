package dev.fieldguide.orders.jobs;

import dev.fieldguide.orders.tracing.TraceHandoff;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * C1/C5: {@code apply_async} — records a run and puts it on Quartz's queue in one transaction
 * (Quartz's JDBC store joins Spring's transaction), so a run is never queued without its record
 * or recorded without being queued. Works in the api role too, where the scheduler never starts.
 */
@Component
public class JobScheduler {

  static final String RUN_ID = "runId";
  private static final String GROUP = "tasks";

  private final Scheduler scheduler;
  private final JobRuns runs;
  private final Tasks tasks;

  JobScheduler(Scheduler scheduler, JobRuns runs, Tasks tasks) {
    this.scheduler = scheduler;
    this.runs = runs;
    this.tasks = tasks;
  }

  /** Enqueues a run of {@code type} due at {@code runAt}; returns its id. */
  @Transactional
  public UUID enqueue(String type, JsonNode arguments, Instant runAt) {
    Task task = tasks.get(type);
    UUID runId = UUID.randomUUID();
    runs.insert(runId, task.type(), arguments.toString(), task.retryPolicy().maxAttempts(), runAt,
        TraceHandoff.currentTraceparent());
    scheduleAttempt(runId, runAt);
    return runId;
  }

  /** Re-queues a dead run with {@code attempts} more attempts; false if it was not dead. */
  @Transactional
  public boolean redrive(UUID runId, int attempts) {
    if (runs.redrive(runId, attempts).isEmpty()) {
      return false;
    }
    scheduleAttempt(runId, Instant.now());
    return true;
  }

  /**
   * Queues the next attempt of a run inside the caller's transaction. Each attempt is its own
   * one-shot Quartz job; {@code requestRecovery} makes Quartz run it again on another node if
   * the node running it dies (C6).
   */
  void scheduleAttempt(UUID runId, Instant at) {
    JobDetail job = JobBuilder.newJob(TaskJob.class)
        .withIdentity(runId + "-" + UUID.randomUUID().toString().substring(0, 8), GROUP)
        .usingJobData(RUN_ID, runId.toString()).requestRecovery(true).build();
    Trigger trigger = TriggerBuilder.newTrigger().forJob(job).startAt(Date.from(at))
        // Late (a node was down, the pool was busy): run as soon as possible, never skip.
        .withSchedule(
            SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
        .build();
    try {
      scheduler.scheduleJob(job, trigger);
    } catch (SchedulerException e) {
      throw new IllegalStateException("Could not queue run " + runId, e);
    }
  }
}
