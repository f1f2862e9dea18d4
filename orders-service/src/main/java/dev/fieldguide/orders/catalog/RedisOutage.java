package dev.fieldguide.orders.catalog;

import java.time.Duration;

/**
 * Remembers that Redis just failed, so reads skip it for a while instead of each waiting out the
 * client's timeout: a minimal circuit breaker (Resilience4j's would add half-open probing and
 * failure-rate windows).
 */
final class RedisOutage {

  private final long skipNanos;
  private volatile long skipUntil = System.nanoTime();

  RedisOutage(Duration skipFor) {
    this.skipNanos = skipFor.toNanos();
  }

  boolean ongoing() {
    return System.nanoTime() - skipUntil < 0;
  }

  void started() {
    skipUntil = System.nanoTime() + skipNanos;
  }
}
