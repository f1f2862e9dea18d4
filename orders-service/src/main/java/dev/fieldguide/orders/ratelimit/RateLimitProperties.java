package dev.fieldguide.orders.ratelimit;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code fieldguide.rate-limit.*}: the policies by name, and the header that carries a registered
 * API key (requests with neither a token nor a key are limited per IP address). Keyed by name so that a profile or the
 * lab can add or tune one policy without restating the others (Spring Boot merges maps across
 * settings files; it would replace a list whole).
 */
@ConfigurationProperties("fieldguide.rate-limit")
record RateLimitProperties(boolean enabled, String clientHeader, Map<String, Limit> policies) {

  RateLimitProperties {
    clientHeader = clientHeader == null ? "X-API-Key" : clientHeader;
    policies = policies == null ? Map.of() : Map.copyOf(policies);
  }

  /** One policy's settings; its name is its key. */
  record Limit(@Nullable List<String> paths, int capacity, double refillPerSecond) {}

  /** The policies as the filter applies them. */
  List<RateLimitPolicy> toPolicies() {
    return policies.entrySet().stream()
        .map(e -> new RateLimitPolicy(e.getKey(),
            e.getValue().paths() == null ? List.of() : e.getValue().paths(),
            e.getValue().capacity(), e.getValue().refillPerSecond()))
        .toList();
  }
}
