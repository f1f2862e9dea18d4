package dev.fieldguide.orders.jobs;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * C8: runs one attempt of a task within its {@link TimeLimits}. A limited task runs on a virtual
 * thread of its own while the Quartz worker waits for it: at the soft limit the worker interrupts
 * that thread, at the hard limit it stops waiting. Java cannot kill a thread ({@code Thread.stop}
 * is gone), so past the hard limit the thread is abandoned, not stopped: it runs until it ends by
 * itself and its outcome is dropped. What the hard limit guarantees is that the worker slot is
 * freed and the run is recorded as TIMED_OUT.
 */
final class TimeLimitedAttempt {

  private TimeLimitedAttempt() {}

  /** The task's result; what it threw; or a {@link SoftLimitExceeded}/{@link HardLimitExceeded}. */
  static @Nullable Object run(Task task, TaskContext context) throws Exception {
    TimeLimits limits = task.timeLimits();
    if (limits.none()) {
      return task.run(context);
    }
    Map<String, String> logContext = MDC.getCopyOfContextMap();
    FutureTask<@Nullable Object> attempt = new FutureTask<>(() -> {
      if (logContext != null) {
        MDC.setContextMap(logContext);
      }
      return task.run(context);
    });
    Thread thread = Thread.ofVirtual().name("task-" + task.type() + "-" + context.runId())
        .start(attempt);
    try {
      return attempt.get(limits.soft().toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException pastSoftLimit) {
      thread.interrupt(); // the task sees InterruptedException (or Thread.interrupted()) and stops
    } catch (ExecutionException failed) {
      throw cause(failed);
    } catch (InterruptedException workerInterrupted) {
      thread.interrupt();
      throw workerInterrupted;
    }
    try {
      return attempt.get(limits.hard().minus(limits.soft()).toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException pastHardLimit) {
      throw new HardLimitExceeded(limits.hard());
    } catch (ExecutionException failed) {
      Exception cause = cause(failed);
      throw cause instanceof PermanentFailure ? cause : new SoftLimitExceeded(limits.soft(), cause);
    }
  }

  private static Exception cause(ExecutionException failed) {
    return switch (failed.getCause()) {
      case Exception exception -> exception;
      case Error error -> throw error;
      case null, default -> failed;
    };
  }

  /**
   * The task stopped after its soft limit interrupted it: a failure like any other, retried by its
   * policy, since nothing of the attempt is still running (Celery's {@code SoftTimeLimitExceeded}).
   */
  static final class SoftLimitExceeded extends Exception {

    SoftLimitExceeded(Duration soft, Exception cause) {
      super("soft time limit " + soft + " exceeded; the task stopped with " + cause, cause);
    }
  }

  /**
   * The task was still running at its hard limit and has been abandoned (Celery's {@code
   * TimeLimitExceeded}); the run ends TIMED_OUT and is not retried beside the abandoned thread.
   */
  static final class HardLimitExceeded extends Exception {

    HardLimitExceeded(Duration hard) {
      super("hard time limit " + hard + " exceeded; the attempt was abandoned");
    }
  }
}
