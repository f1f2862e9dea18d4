package dev.fieldguide.core.http;

import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;

/**
 * How patient a {@link JsonFetcher} is: the time one attempt may take and how many attempts it
 * makes, spaced how far apart.
 *
 * @param connectTimeout time to open a TCP (and TLS) connection
 * @param requestTimeout time from sending a request to receiving its response headers
 * @param maxAttempts attempts in total, the first included; 1 turns retries off
 * @param initialBackoff mean wait before the second attempt; it doubles for each one after
 * @param maxBackoff upper bound on any wait, so a long retry chain does not sleep for minutes
 */
public record FetchPolicy(
    Duration connectTimeout,
    Duration requestTimeout,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff) {

  static final double BACKOFF_MULTIPLIER = 2.0;

  /**
   * Each wait is drawn from ±50% around its exponential value, so clients that failed together do
   * not all come back at the same instant.
   */
  static final double JITTER = 0.5;

  public FetchPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
  }

  /** Python's {@code timeout=5} for the request, three attempts, waits of about 0.2 s then 0.4 s. */
  public static FetchPolicy defaults() {
    return new FetchPolicy(
        Duration.ofSeconds(2), Duration.ofSeconds(5), 3, Duration.ofMillis(200),
        Duration.ofSeconds(5));
  }

  /** Wait before attempt n+1 after attempt n failed: exponential, jittered, capped. */
  IntervalFunction backoff() {
    return IntervalFunction.ofExponentialRandomBackoff(
        initialBackoff, BACKOFF_MULTIPLIER, JITTER, maxBackoff);
  }
}
