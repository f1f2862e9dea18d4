package dev.fieldguide.orders.redis;

import java.time.Duration;

/**
 * Remembers that Redis just failed, so callers that fail open skip it for a while instead of each
 * waiting out the client's timeout: a minimal circuit breaker (Resilience4j's would add half-open probing and
 * failure-rate windows).
 */
public final class RedisOutage {

  private final long skipNanos;
  private volatile long skipUntil = System.nanoTime();

  public RedisOutage(Duration skipFor) {
    this.skipNanos = skipFor.toNanos();
  }

  /** Whether callers should skip Redis right now. */
  public boolean ongoing() {
    return System.nanoTime() - skipUntil < 0;
  }

  /** Records a failure: skip Redis for the configured time from now. */
  public void started() {
    skipUntil = System.nanoTime() + skipNanos;
  }
}
