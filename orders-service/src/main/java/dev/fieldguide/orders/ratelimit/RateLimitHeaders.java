package dev.fieldguide.orders.ratelimit;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The RateLimit header fields of the IETF httpapi draft ({@code RateLimit-Policy}, {@code
 * RateLimit}) and the widely used {@code X-RateLimit-*} trio, from one bucket decision. Resets
 * are delta-seconds in both, as the draft specifies (GitHub's {@code X-RateLimit-Reset} is an
 * epoch instead; clients that need one add the current time).
 */
final class RateLimitHeaders {

  private RateLimitHeaders() {}

  static void write(HttpServletResponse response, RateLimitPolicy policy,
      TokenBucket.Decision decision) {
    long reset = seconds(decision.fullInMillis());
    response.setHeader("RateLimit-Policy",
        "\"%s\";q=%d;w=%d".formatted(policy.name(), policy.capacity(), policy.windowSeconds()));
    response.setHeader("RateLimit",
        "\"%s\";r=%d;t=%d".formatted(policy.name(), decision.remaining(), reset));
    response.setHeader("X-RateLimit-Limit", String.valueOf(policy.capacity()));
    response.setHeader("X-RateLimit-Remaining", String.valueOf(decision.remaining()));
    response.setHeader("X-RateLimit-Reset", String.valueOf(reset));
  }

  /** Whole seconds, rounded up: telling a client to come back early only earns it another 429. */
  static long seconds(long millis) {
    return (millis + 999) / 1000;
  }
}
