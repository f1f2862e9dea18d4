package dev.fieldguide.orders.ratelimit;

import java.util.List;

/**
 * A named limit for a set of routes: a bucket of {@code capacity} tokens (the burst) refilled at
 * {@code refillPerSecond}; each request takes one token. Every client has its own bucket.
 *
 * @param paths path patterns ({@code /api/v1/orders/**}); the most specific match wins
 */
public record RateLimitPolicy(String name, List<String> paths, int capacity,
    double refillPerSecond) {

  public RateLimitPolicy {
    if (name.isBlank() || !name.matches("[a-z0-9-]+")) {
      throw new IllegalArgumentException("policy name must be lower-case letters, digits, '-'");
    }
    if (capacity < 1 || refillPerSecond <= 0) {
      throw new IllegalArgumentException("policy " + name + ": capacity >= 1, refill > 0");
    }
    paths = List.copyOf(paths);
  }

  /**
   * Tokens an instance takes ahead of need in one script call ({@link TokenLeases}): none for a
   * policy under 100 tokens, which stays exact, else a twentieth of the capacity, at most 100. A
   * lease lets a burst exceed the capacity by at most this much per instance.
   */
  int lease() {
    return capacity < 100 ? 0 : Math.min(100, capacity / 20);
  }

  /** The window the draft's {@code w} parameter names: the time an empty bucket takes to fill. */
  long windowSeconds() {
    return (long) Math.ceil(capacity / refillPerSecond);
  }
}
