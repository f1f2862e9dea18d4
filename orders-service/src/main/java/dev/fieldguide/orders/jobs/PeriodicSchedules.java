package dev.fieldguide.orders.jobs;

import java.util.Map;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * C5: Celery beat on Quartz. At startup every entry of {@code fieldguide.jobs.schedules} becomes a
 * durable job with a cron trigger in the clustered store, so each firing runs on exactly one node.
 * A trigger is replaced only when its cron, zone or misfire policy changed: replacing it on every
 * start would forget a firing missed while the whole cluster was down.
 */
@Component
@EnableConfigurationProperties(PeriodicJobsProperties.class)
class PeriodicSchedules implements InitializingBean {

  static final String GROUP = "periodic";
  static final String TYPE = "type";
  /** Cron fields are read in UTC, not in whatever zone each node's JVM happens to have. */
  static final TimeZone ZONE = TimeZone.getTimeZone("UTC");

  private final Scheduler scheduler;
  private final Tasks tasks;
  private final PeriodicJobsProperties properties;

  PeriodicSchedules(Scheduler scheduler, Tasks tasks, PeriodicJobsProperties properties) {
    this.scheduler = scheduler;
    this.tasks = tasks;
    this.properties = properties;
  }

  @Override
  public void afterPropertiesSet() throws SchedulerException {
    for (Map.Entry<String, PeriodicJobsProperties.Schedule> entry : properties.schedules()
        .entrySet()) {
      if (tasks.find(entry.getKey()).isEmpty()) {
        throw new IllegalStateException(
            "fieldguide.jobs.schedules names an unknown task: " + entry.getKey());
      }
      register(entry.getKey(), entry.getValue());
    }
    for (JobKey job : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
      if (!properties.schedules().containsKey(job.getName())) {
        scheduler.deleteJob(job); // its schedule was removed from the configuration
      }
    }
  }

  private void register(String type, PeriodicJobsProperties.Schedule schedule)
      throws SchedulerException {
    scheduler.addJob(JobBuilder.newJob(PeriodicTaskJob.class).withIdentity(type, GROUP)
        .usingJobData(TYPE, type).storeDurably().requestRecovery(true).build(), true);
    CronTrigger trigger = trigger(type, schedule);
    Trigger stored = scheduler.getTrigger(trigger.getKey());
    if (stored == null) {
      try {
        scheduler.scheduleJob(trigger);
      } catch (ObjectAlreadyExistsException anotherNodeStartedFirst) {
        // it registered the same configuration
      }
    } else if (!sameSchedule(stored, trigger)) {
      scheduler.rescheduleJob(trigger.getKey(), trigger);
    }
  }

  static CronTrigger trigger(String type, PeriodicJobsProperties.Schedule schedule) {
    CronScheduleBuilder cron = CronScheduleBuilder.cronSchedule(schedule.cron()).inTimeZone(ZONE);
    cron = switch (schedule.misfire()) {
      case FIRE_ONCE_NOW -> cron.withMisfireHandlingInstructionFireAndProceed();
      case SKIP -> cron.withMisfireHandlingInstructionDoNothing();
    };
    return TriggerBuilder.newTrigger().withIdentity(type, GROUP).forJob(type, GROUP)
        .withSchedule(cron).build();
  }

  private static boolean sameSchedule(Trigger stored, CronTrigger wanted) {
    return stored instanceof CronTrigger cron
        && cron.getCronExpression().equals(wanted.getCronExpression())
        && cron.getTimeZone().getID().equals(wanted.getTimeZone().getID())
        && cron.getMisfireInstruction() == wanted.getMisfireInstruction();
  }
}
