package dev.fieldguide.orders.jobs;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * C3: exponential backoff with jitter and a cap. Before attempt n+1 the window is {@code
 * firstDelay * 2^(n-1)}, capped at {@code maxDelay}; the delay is the window minus a random share
 * of up to {@code jitter} of it. {@code jitter = 1} is "full jitter" (anywhere in the window:
 * spreads a thundering herd best); {@code 0.5} keeps every delay in the upper half, so the gaps
 * still visibly double.
 *
 * @param maxAttempts attempts in all, the first included; after the last failure the run is dead
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay, double jitter) {

  public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofSeconds(1),
      Duration.ofMinutes(5), 1.0);

  /** One attempt and no retry: for periodic work whose next firing is its retry (C5). */
  public static final RetryPolicy NO_RETRY = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 0);

  public RetryPolicy {
    if (maxAttempts < 1 || jitter < 0 || jitter > 1 || firstDelay.isNegative()
        || maxDelay.compareTo(firstDelay) < 0) {
      throw new IllegalArgumentException("invalid retry policy");
    }
  }

  /** The longest wait before attempt {@code next} (2 or more). */
  public Duration window(int next) {
    int doublings = Math.min(next - 2, 30); // 2^30 x anything sensible is past any cap
    long millis = firstDelay.toMillis() << doublings;
    return millis < 0 || millis > maxDelay.toMillis() ? maxDelay : Duration.ofMillis(millis);
  }

  /** The wait before attempt {@code next}: the window minus up to {@code jitter} of it. */
  public Duration delayBefore(int next) {
    return delayBefore(next, ThreadLocalRandom.current());
  }

  /** {@link #delayBefore(int)} drawing the jitter from {@code random} (a seeded one in tests). */
  Duration delayBefore(int next, RandomGenerator random) {
    long window = window(next).toMillis();
    return Duration.ofMillis(window - (long) (window * jitter * random.nextDouble()));
  }
}
