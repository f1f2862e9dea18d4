/**
 * C1/C3 — background jobs, Celery's answers on Quartz: tasks are Spring beans ({@code Task}),
 * enqueued now, after a countdown or at an eta ({@code JobScheduler}, {@code POST
 * /api/v1/jobs}); Quartz's JDBC store on PostgreSQL is the durable queue (the broker) and {@code
 * job_runs}/{@code job_attempts} are the result backend; failures retry with exponential backoff,
 * jitter and a cap ({@code RetryPolicy}) until the run is dead and can be re-driven. C4 —
 * chains, groups and chords ({@code JobWorkflows}): the next step or a chord's countdown moves on
 * in the transaction that records a run's final outcome, so a callback is enqueued exactly once.
 *
 * @see dev.fieldguide.orders.jobs.JobApiIntegrationTests
 * @see dev.fieldguide.orders.jobs.RetryBackoffIntegrationTests
 * @see dev.fieldguide.orders.jobs.JobWorkflowIntegrationTests
 */
@NullMarked
package dev.fieldguide.orders.jobs;

import org.jspecify.annotations.NullMarked;
