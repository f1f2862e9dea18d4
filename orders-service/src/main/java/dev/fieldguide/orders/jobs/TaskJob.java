package dev.fieldguide.orders.jobs;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Instant;
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

  TaskJob(JobRuns runs, Tasks tasks, JobScheduler scheduler, TransactionTemplate transactions,
      JsonMapper json, MeterRegistry meters, RunCompletion completion) {
    this.runs = runs;
    this.tasks = tasks;
    this.scheduler = scheduler;
    this.transactions = transactions;
    this.json = json;
    this.meters = meters;
    this.completion = completion;
  }

  @Override
  public void execute(JobExecutionContext context) {
    UUID runId = UUID.fromString(context.getMergedJobDataMap().getString(JobScheduler.RUN_ID));
    Optional<JobRuns.Started> started = transactions.execute(status -> runs.start(runId));
    if (started == null || started.isEmpty()) {
      return; // finished already: a duplicate delivery changes nothing
    }
    JobRuns.Started run = started.get();
    Timer.Sample timing = Timer.start(meters);
    String outcome;
    try {
      Task task = tasks.get(run.type());
      Object result = task.run(new TaskContext(run.id(), run.attempt(),
          json.readTree(run.arguments())));
      String encoded = encode(result);
      // C4: chains and chords move on in the transaction that records the success.
      transactions.executeWithoutResult(status -> {
        runs.succeeded(run, encoded);
        completion.succeeded(run.id(), encoded);
      });
      outcome = "succeeded";
    } catch (Exception e) {
      outcome = failed(run, e);
    }
    timing.stop(meters.timer("fieldguide.jobs.duration", "job", run.type()));
    meters.counter("fieldguide.jobs.runs", "job", run.type(), "outcome", outcome).increment();
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
      transactions.executeWithoutResult(status -> {
        runs.dead(run, error);
        completion.dead(run.id());
      });
      return "dead";
    }
    Instant next = Instant.now().plus(policy.get().delayBefore(run.attempt() + 1));
    transactions.executeWithoutResult(status -> {
      runs.retrying(run, error, next);
      scheduler.scheduleAttempt(run.id(), next);
    });
    return "retried";
  }

  private @Nullable String encode(@Nullable Object result) {
    return result == null ? null : json.writeValueAsString(result);
  }
}
