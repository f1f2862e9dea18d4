package dev.fieldguide.orders.jobs;

import dev.fieldguide.orders.tracing.ContinuedTraces;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one Quartz job: runs one attempt of a task run and records it. On failure it queues the next
 * attempt after the task's backoff (C3) in the same transaction that records the failure, or
 * declares the run dead when attempts are used up or the failure is permanent. Quartz creates it
 * through Spring, so it gets its collaborators injected (C10).
 */
class TaskJob implements Job {

  private static final Logger log = LoggerFactory.getLogger(TaskJob.class);

  private final JobRuns runs;
  private final Tasks tasks;
  private final JobScheduler scheduler;
  private final TransactionTemplate transactions;
  private final JsonMapper json;
  private final MeterRegistry meters;
  private final RunCompletion completion;
  private final ContinuedTraces tracing;

  TaskJob(JobRuns runs, Tasks tasks, JobScheduler scheduler, TransactionTemplate transactions,
      JsonMapper json, MeterRegistry meters, RunCompletion completion, ContinuedTraces tracing) {
    this.runs = runs;
    this.tasks = tasks;
    this.scheduler = scheduler;
    this.transactions = transactions;
    this.json = json;
    this.meters = meters;
    this.completion = completion;
    this.tracing = tracing;
  }

  @Override
  public void execute(JobExecutionContext context) {
    execute(UUID.fromString(context.getMergedJobDataMap().getString(JobScheduler.RUN_ID)));
  }

  /** Runs the next attempt of run {@code runId} and records how it ended. */
  void execute(UUID runId) {
    Optional<JobRuns.Started> started = transactions.execute(status -> runs.start(runId));
    if (started == null || started.isEmpty()) {
      return; // finished already: a duplicate delivery changes nothing
    }
    JobRuns.Started run = started.get();
    // C7: the run joins the enqueuing request's trace, as a span and on every log line.
    try (var traced = tracing.start("job " + run.type(), run.traceparent(),
        Map.of("job.attempt", (long) run.attempt()))) {
      execute(run);
    }
  }

  private void execute(JobRuns.Started run) {
    Timer.Sample timing = Timer.start(meters);
    String outcome;
    try {
      Task task = tasks.get(run.type());
      Object result = TimeLimitedAttempt.run(task, new TaskContext(run.id(), run.attempt(),
          json.readTree(run.arguments())));
      String encoded = encode(result);
      // C4: chains and chords move on in the transaction that records the success.
      boolean current = Boolean.TRUE.equals(transactions.execute(status -> {
        if (!runs.succeeded(run, encoded)) {
          return false;
        }
        completion.succeeded(run.id(), encoded);
        return true;
      }));
      outcome = current ? "succeeded" : stale(run);
    } catch (TimeLimitedAttempt.HardLimitExceeded e) {
      log.warn("Run {} of {} timed out in attempt {}: {}", run.id(), run.type(), run.attempt(),
          e.getMessage());
      boolean current = Boolean.TRUE.equals(transactions.execute(status -> {
        if (!runs.timedOut(run, e.toString())) {
          return false;
        }
        completion.dead(run.id()); // final, like a dead run: a chord must not wait for it
        return true;
      }));
      outcome = current ? "timed-out" : stale(run);
    } catch (Exception e) {
      outcome = failed(run, e);
    }
    timing.stop(Timer.builder("fieldguide.jobs.duration").tag("task", run.type())
        .publishPercentileHistogram().register(meters));
    meters.counter("fieldguide.jobs.runs", "task", run.type(), "outcome", outcome).increment();
  }

  private String failed(JobRuns.Started run, Exception failure) {
    String error = failure.toString();
    // A run of a type this code no longer has cannot succeed on retry either.
    Optional<RetryPolicy> policy = tasks.find(run.type()).map(Task::retryPolicy);
    boolean retry = policy.isPresent() && !(failure instanceof PermanentFailure)
        && run.attempt() < run.maxAttempts();
    if (policy.isEmpty() || !retry) {
      log.warn("Run {} of {} is dead after attempt {}: {}", run.id(), run.type(), run.attempt(),
          error);
      boolean current = Boolean.TRUE.equals(transactions.execute(status -> {
        if (!runs.dead(run, error)) {
          return false;
        }
        completion.dead(run.id());
        return true;
      }));
      return current ? "dead" : stale(run);
    }
    Instant next = policy.get().nextAttemptAt(run.attempt() + 1);
    // Celery's "Retry in 2s" line: a retry that later succeeds leaves no other trace in the logs.
    log.warn("Run {} of {} failed in attempt {} of {}; next attempt at {}: {}", run.id(),
        run.type(), run.attempt(), run.maxAttempts(), next, error);
    boolean current = Boolean.TRUE.equals(transactions.execute(status -> {
      if (!runs.retrying(run, error, next)) {
        return false;
      }
      scheduler.scheduleAttempt(run.id(), next);
      return true;
    }));
    return current ? "retried" : stale(run);
  }

  /** A later attempt of this run exists (this worker was presumed dead): its outcome stands. */
  private static String stale(JobRuns.Started run) {
    log.warn("Attempt {} of run {} finished after a later attempt started; not recorded",
        run.attempt(), run.id());
    return "stale";
  }

  /** The trace id of a W3C traceparent ({@code 00-<trace id>-<span id>-<flags>}), or "". */
  private @Nullable String encode(@Nullable Object result) {
    return result == null ? null : json.writeValueAsString(result);
  }
}
