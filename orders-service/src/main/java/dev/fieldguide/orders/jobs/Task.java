package dev.fieldguide.orders.jobs;

import org.jspecify.annotations.Nullable;

/**
 * A kind of background work, the {@code @app.task} of this codebase: a Spring bean with a type
 * name, a retry policy and a body. {@link JobScheduler#enqueue} is its {@code apply_async}.
 */
public interface Task {

  /** The name clients enqueue it by, e.g. {@code send-receipt}. */
  String type();

  /** How failures are retried; the default retries every exception 5 times, 1 s to 5 min apart. */
  default RetryPolicy retryPolicy() {
    return RetryPolicy.DEFAULT;
  }

  /** How long one attempt may run (C8); the default sets no limit. */
  default TimeLimits timeLimits() {
    return TimeLimits.NONE;
  }

  /**
   * Does the work, possibly more than once for one run (delivery is at-least-once), so it must be
   * idempotent. The return value becomes the run's JSON result. Throw {@link PermanentFailure} for
   * an error no retry can fix.
   */
  @Nullable Object run(TaskContext context) throws Exception;
}
