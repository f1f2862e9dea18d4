/**
 * C1/C3 — background jobs, Celery's answers on Quartz: tasks are Spring beans ({@code Task}),
 * enqueued now, after a countdown or at an eta ({@code JobScheduler}, {@code POST
 * /api/v1/jobs}); Quartz's JDBC store on PostgreSQL is the durable queue (the broker) and {@code
 * job_runs}/{@code job_attempts} are the result backend; failures retry with exponential backoff,
 * jitter and a cap ({@code RetryPolicy}) until the run is dead and can be re-driven.
 *
 * @see dev.fieldguide.orders.jobs.JobApiIntegrationTests
 * @see dev.fieldguide.orders.jobs.RetryBackoffIntegrationTests
 */
@NullMarked
package dev.fieldguide.orders.jobs;

import org.jspecify.annotations.NullMarked;
