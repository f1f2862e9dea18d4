package dev.fieldguide.orders.jobs;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * C5: the Quartz job behind every cron trigger. Each firing records a run of its task in {@code
 * job_runs} and runs it through {@link TaskJob} like any other run (attempts, time limits,
 * retries). {@code @DisallowConcurrentExecution}: in the clustered store a firing due while the
 * previous one still runs waits, on every node, instead of overlapping it.
 */
@DisallowConcurrentExecution
class PeriodicTaskJob implements Job {

  private static final Logger log = LoggerFactory.getLogger(PeriodicTaskJob.class);

  private final JobRuns runs;
  private final Tasks tasks;
  private final TransactionTemplate transactions;
  private final AutowireCapableBeanFactory beans;

  PeriodicTaskJob(JobRuns runs, Tasks tasks, TransactionTemplate transactions,
      AutowireCapableBeanFactory beans) {
    this.runs = runs;
    this.tasks = tasks;
    this.transactions = transactions;
    this.beans = beans;
  }

  @Override
  public void execute(JobExecutionContext context) {
    String type = context.getMergedJobDataMap().getString(PeriodicSchedules.TYPE);
    Optional<Task> task = tasks.find(type);
    if (task.isEmpty()) {
      log.warn("No task {} for periodic job {}; skipped", type, context.getJobDetail().getKey());
      return;
    }
    Instant firing = context.getScheduledFireTime().toInstant();
    // One firing, one run: when a node dies mid-run, Quartz recovers the firing on another node
    // with the same scheduled time, so the recovery continues this run instead of adding one.
    UUID runId = UUID.nameUUIDFromBytes((type + "@" + firing).getBytes(StandardCharsets.UTF_8));
    transactions.executeWithoutResult(status -> runs.insert(runId, type, "{}",
        task.get().retryPolicy().maxAttempts(), firing, null));
    // Made the way Quartz's Spring job factory makes it, with its collaborators injected.
    beans.createBean(TaskJob.class).execute(runId);
  }
}
