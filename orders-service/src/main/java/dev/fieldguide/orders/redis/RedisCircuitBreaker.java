package dev.fieldguide.orders.redis;

import java.time.Duration;

/**
 * A minimal circuit breaker for Redis: after a failure it stays open for a while, and callers that
 * fail open skip Redis meanwhile instead of each waiting out the client's timeout. Resilience4j's
 * breaker would add half-open probing and failure-rate windows.
 */
public final class RedisCircuitBreaker {

  private final long openNanos;
  private volatile long openUntil = System.nanoTime();

  public RedisCircuitBreaker(Duration openFor) {
    this.openNanos = openFor.toNanos();
  }

  /** Whether the breaker is open: callers should skip Redis right now. */
  public boolean isOpen() {
    return System.nanoTime() - openUntil < 0;
  }

  /** Records a failure: the breaker opens for the configured time from now. */
  public void trip() {
    openUntil = System.nanoTime() + openNanos;
  }
}
