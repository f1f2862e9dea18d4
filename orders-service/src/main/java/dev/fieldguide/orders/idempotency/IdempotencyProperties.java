package dev.fieldguide.orders.idempotency;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code fieldguide.idempotency.*}: how long a key is remembered (the published expiry), on which
 * routes a key is mandatory (their patterns, as the controllers map them), and how many expired
 * keys one cleanup statement deletes.
 */
@ConfigurationProperties("fieldguide.idempotency")
record IdempotencyProperties(Duration ttl, List<String> requiredPaths, int cleanupBatchSize) {

  IdempotencyProperties {
    ttl = ttl == null ? Duration.ofHours(24) : ttl;
    requiredPaths = requiredPaths == null ? List.of() : List.copyOf(requiredPaths);
    cleanupBatchSize = cleanupBatchSize <= 0 ? 1000 : cleanupBatchSize;
  }

  /**
   * Whether a request to the route {@code pattern} takes an {@code Idempotency-Key}: POSTs to the
   * API's routes. The filter and the API document both ask this.
   */
  boolean takesKey(String method, String pattern) {
    return method.equals("POST") && pattern.startsWith("/api/");
  }

  /** Whether it must send one: a route listed in {@code required-paths}. */
  boolean requiresKey(String method, String pattern) {
    return takesKey(method, pattern) && requiredPaths.contains(pattern);
  }
}
