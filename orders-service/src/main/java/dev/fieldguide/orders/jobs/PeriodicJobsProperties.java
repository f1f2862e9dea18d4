package dev.fieldguide.orders.jobs;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code fieldguide.jobs.*}: how long finished runs are kept, and the periodic schedule (Celery
 * beat's {@code beat_schedule}): task type to Quartz cron expression and misfire policy.
 */
@ConfigurationProperties("fieldguide.jobs")
record PeriodicJobsProperties(Duration retention, Map<String, Schedule> schedules) {

  PeriodicJobsProperties {
    retention = retention == null ? Duration.ofDays(14) : retention;
    schedules = schedules == null ? Map.of() : Map.copyOf(schedules);
  }

  /**
   * When a task runs: a Quartz cron expression (seconds first, in UTC) and what to do about a
   * firing that was missed because no node was free or up at the time.
   */
  record Schedule(String cron, Misfire misfire) {

    Schedule {
      misfire = misfire == null ? Misfire.FIRE_ONCE_NOW : misfire;
    }
  }

  /** What a late node does with firings it missed. */
  enum Misfire {
    /** Run once as soon as possible, however many firings were missed; then back on schedule. */
    FIRE_ONCE_NOW,
    /** Skip what was missed and wait for the next scheduled time. */
    SKIP
  }
}
