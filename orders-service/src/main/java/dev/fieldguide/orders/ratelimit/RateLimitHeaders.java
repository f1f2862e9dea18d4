package dev.fieldguide.orders.ratelimit;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The RateLimit header fields of the IETF httpapi draft ({@code RateLimit-Policy}, {@code
 * RateLimit}) and the widely used {@code X-RateLimit-*} trio, from one bucket decision. Resets
 * are delta-seconds in both, as the draft specifies (GitHub's {@code X-RateLimit-Reset} is an
 * epoch instead; clients that need one add the current time).
 */
final class RateLimitHeaders {

  static final String POLICY = "RateLimit-Policy";
  static final String STATE = "RateLimit";
  static final String LIMIT = "X-RateLimit-Limit";
  static final String REMAINING = "X-RateLimit-Remaining";
  static final String RESET = "X-RateLimit-Reset";

  private RateLimitHeaders() {}

  static void write(HttpServletResponse response, RateLimitPolicy policy,
      TokenBucket.Decision decision) {
    long reset = seconds(decision.fullInMillis());
    response.setHeader(POLICY,
        "\"%s\";q=%d;w=%d".formatted(policy.name(), policy.capacity(), policy.windowSeconds()));
    response.setHeader(STATE,
        "\"%s\";r=%d;t=%d".formatted(policy.name(), decision.remaining(), reset));
    response.setHeader(LIMIT, String.valueOf(policy.capacity()));
    response.setHeader(REMAINING, String.valueOf(decision.remaining()));
    response.setHeader(RESET, String.valueOf(reset));
  }

  /** Whole seconds, rounded up: telling a client to come back early only earns it another 429. */
  static long seconds(long millis) {
    return (millis + 999) / 1000;
  }
}
