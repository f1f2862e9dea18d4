package dev.fieldguide.orders.lab;

import dev.fieldguide.orders.jobs.PermanentFailure;
import dev.fieldguide.orders.jobs.RetryPolicy;
import dev.fieldguide.orders.jobs.Task;
import dev.fieldguide.orders.jobs.TaskContext;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Fixture task {@code flaky}: fails its first {@code failures} attempts (argument), then succeeds;
 * {@code permanent: true} fails without retry. Four attempts, 1 s doubling with half jitter: long
 * enough to stand out from the scheduler's 1 s polling, short enough for a test.
 */
@Component
@ConditionalOnBooleanProperty("fieldguide.lab.enabled")
public class FlakyTask implements Task {

  public static final RetryPolicy POLICY = new RetryPolicy(4, Duration.ofSeconds(1),
      Duration.ofSeconds(8), 0.5);

  @Override
  public String type() {
    return "flaky";
  }

  @Override
  public RetryPolicy retryPolicy() {
    return POLICY;
  }

  @Override
  public @Nullable Object run(TaskContext context) {
    if (context.arguments().path("permanent").asBoolean(false)) {
      throw new PermanentFailure("told to fail for good");
    }
    int failures = context.arguments().path("failures").asInt(0);
    if (context.attempt() <= failures) {
      throw new IllegalStateException("planned failure " + context.attempt() + " of " + failures);
    }
    return Map.of("succeededOnAttempt", context.attempt());
  }
}
