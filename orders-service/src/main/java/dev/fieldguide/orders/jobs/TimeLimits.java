package dev.fieldguide.orders.jobs;

import java.time.Duration;

/**
 * C8: Celery's {@code soft_time_limit} and {@code time_limit} for one task type. At {@code soft}
 * the task's thread is interrupted so it can clean up and stop; at {@code hard} the worker stops
 * waiting and records the run TIMED_OUT, whether or not the thread has stopped. Both zero: none.
 */
public record TimeLimits(Duration soft, Duration hard) {

  /** No limits: the task runs on the Quartz worker thread for as long as it takes. */
  public static final TimeLimits NONE = new TimeLimits(Duration.ZERO, Duration.ZERO);

  public TimeLimits {
    boolean none = soft.isZero() && hard.isZero();
    if (!none && (!soft.isPositive() || hard.compareTo(soft) < 0)) {
      throw new IllegalArgumentException("need 0 < soft <= hard, got " + soft + ", " + hard);
    }
  }

  boolean none() {
    return hard.isZero();
  }
}
