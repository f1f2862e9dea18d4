package dev.fieldguide.orders.jobs;

import dev.fieldguide.orders.observability.SampledValue;
import dev.fieldguide.orders.observability.ScheduledSamples;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * C7: the job gauges — how many runs wait for a worker (queue depth: due triggers nobody has
 * picked up, across the cluster, read from Quartz's tables on the sample schedule, not by the
 * scrape) and how many of this node's worker threads are busy, next to the pool size (both held
 * in memory by the scheduler). {@link TaskJob} records runs by outcome and their duration.
 */
@Component
class JobMetrics implements MeterBinder {

  private final Scheduler scheduler;
  private final SampledValue<Long> dueTriggers;

  JobMetrics(Scheduler scheduler, JdbcClient jdbc, ScheduledSamples samples) {
    this.scheduler = scheduler;
    this.dueTriggers = samples.register("fieldguide.jobs.queue.depth", () -> jdbc.sql("""
        SELECT count(*) FROM qrtz_triggers
        WHERE trigger_state = 'WAITING'
          AND next_fire_time <= (extract(epoch FROM now()) * 1000)::bigint
        """).query(Long.class).single());
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("fieldguide.jobs.queue.depth", dueTriggers, due -> due.value(Long::doubleValue))
        .description("triggers due now and not yet picked up by any node").register(registry);
    Gauge.builder("fieldguide.jobs.workers.busy", this, JobMetrics::busyWorkers)
        .description("this node's worker threads running a job").register(registry);
    Gauge.builder("fieldguide.jobs.workers", this, JobMetrics::workers)
        .description("this node's worker threads (the concurrency limit)").register(registry);
  }

  private double busyWorkers() {
    try {
      return scheduler.getCurrentlyExecutingJobs().size();
    } catch (SchedulerException e) {
      return Double.NaN;
    }
  }

  private double workers() {
    try {
      return scheduler.getMetaData().getThreadPoolSize();
    } catch (SchedulerException e) {
      return Double.NaN;
    }
  }
}
