/**
 * C1, C3, C6, C7, C10 — background jobs, Celery's answers on Quartz: tasks are Spring beans
 * ({@code Task}), enqueued now, after a countdown or at an eta ({@code JobScheduler}, {@code POST
 * /api/v1/jobs}); Quartz's clustered JDBC store on PostgreSQL is the durable queue (the broker)
 * and {@code job_runs}/{@code job_attempts} are the result backend.
 *
 * <p>Failures retry with exponential backoff, jitter and a cap ({@code RetryPolicy}) until the
 * run is dead and can be re-driven; a job whose node dies is run again elsewhere and {@code
 * ProcessedRuns} keeps its effect to one; {@code JobMetrics} and {@code TaskJob} record what runs.
 *
 * <p>C5/C8/C9 — schedules, limits, long jobs: cron triggers from {@code fieldguide.jobs.schedules}
 * run each periodic task on one node per firing, never overlapping ({@code PeriodicSchedules},
 * {@code PeriodicTaskJob}); at most {@code threadCount} jobs run per node, and a task's {@code
 * TimeLimits} interrupt it at the soft limit and record it TIMED_OUT at the hard one ({@code
 * TimeLimitedAttempt}); a long job saves its checkpoint in each chunk's transaction, so a retry resumes
 * after the last committed chunk ({@code JobCheckpoints}, {@code RecomputeOrderTotalsTask}).
 *
 * <p>C4 — chains, groups and chords ({@code JobWorkflows}): the next step or a chord's countdown
 * moves on in the transaction that records a run's final outcome, so a callback is enqueued
 * exactly once.
 *
 * @see dev.fieldguide.orders.jobs.JobApiIntegrationTests
 * @see dev.fieldguide.orders.jobs.RetryBackoffIntegrationTests
 * @see dev.fieldguide.orders.jobs.WorkerCrashRecoveryIntegrationTests
 * @see dev.fieldguide.orders.jobs.JobBurstIntegrationTests
 * @see dev.fieldguide.orders.jobs.PeriodicJobsIntegrationTests
 * @see dev.fieldguide.orders.jobs.TimeLimitIntegrationTests
 * @see dev.fieldguide.orders.jobs.ResumableJobIntegrationTests
 * @see dev.fieldguide.orders.jobs.JobWorkflowIntegrationTests
 */
@ApplicationModule(displayName = "jobs (C1, C3-C10)", allowedDependencies = {"errors",
    "observability", "tracing", "web"})
@NullMarked
package dev.fieldguide.orders.jobs;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
