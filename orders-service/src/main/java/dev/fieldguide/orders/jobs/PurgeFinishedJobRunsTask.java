package dev.fieldguide.orders.jobs;

import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * C5: {@code purge-job-runs}, the result backend's expiry (Celery's {@code result_expires}):
 * deletes runs that finished more than {@code fieldguide.jobs.retention} ago, a batch per
 * statement. Runs still queued, running or retrying are kept however old.
 */
@Component
class PurgeFinishedJobRunsTask implements Task {

  static final String TYPE = "purge-job-runs";
  static final int BATCH = 1_000;

  private final JobRuns runs;
  private final PeriodicJobsProperties properties;

  PurgeFinishedJobRunsTask(JobRuns runs, PeriodicJobsProperties properties) {
    this.runs = runs;
    this.properties = properties;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public RetryPolicy retryPolicy() {
    return RetryPolicy.NO_RETRY;
  }

  @Override
  public Object run(TaskContext context) {
    Instant cutoff = Instant.now().minus(properties.retention());
    long total = 0;
    int deleted;
    do {
      deleted = runs.deleteFinishedBefore(cutoff, BATCH);
      total += deleted;
    } while (deleted == BATCH);
    return Map.of("deleted", total, "finishedBefore", cutoff.toString());
  }
}
