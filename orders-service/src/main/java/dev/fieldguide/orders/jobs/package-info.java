/**
 * C1/C3 — background jobs, Celery's answers on Quartz: tasks are Spring beans ({@code Task}),
 * enqueued now, after a countdown or at an eta ({@code JobScheduler}, {@code POST
 * /api/v1/jobs}); Quartz's JDBC store on PostgreSQL is the durable queue (the broker) and {@code
 * job_runs}/{@code job_attempts} are the result backend; failures retry with exponential backoff,
 * jitter and a cap ({@code RetryPolicy}) until the run is dead and can be re-driven.
 *
 * <p>C5/C8/C9 — schedules, limits, long jobs: cron triggers from {@code fieldguide.jobs.schedules}
 * run each periodic task on one node per firing, never overlapping ({@code PeriodicSchedules},
 * {@code PeriodicTaskJob}); at most {@code threadCount} jobs run per node, and a task's {@code
 * TimeLimits} interrupt it at the soft limit and record it TIMED_OUT at the hard one ({@code
 * TimeLimit}); a long job saves its checkpoint in each chunk's transaction, so a retry resumes
 * after the last committed chunk ({@code JobCheckpoints}, {@code RecomputeOrderTotalsTask}).
 *
 * @see dev.fieldguide.orders.jobs.JobApiIntegrationTests
 * @see dev.fieldguide.orders.jobs.RetryBackoffIntegrationTests
 * @see dev.fieldguide.orders.jobs.PeriodicJobsIntegrationTests
 * @see dev.fieldguide.orders.jobs.TimeLimitIntegrationTests
 * @see dev.fieldguide.orders.jobs.ResumableJobIntegrationTests
 */
@NullMarked
package dev.fieldguide.orders.jobs;

import org.jspecify.annotations.NullMarked;
