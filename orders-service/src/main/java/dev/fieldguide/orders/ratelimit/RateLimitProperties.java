package dev.fieldguide.orders.ratelimit;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code fieldguide.rate-limit.*}: the policies, in order (first match wins), and the header that
 * names a client by API key (requests without it are limited per IP address).
 */
@ConfigurationProperties("fieldguide.rate-limit")
record RateLimitProperties(boolean enabled, String clientHeader, List<RateLimitPolicy> policies) {

  RateLimitProperties {
    clientHeader = clientHeader == null ? "X-API-Key" : clientHeader;
    policies = policies == null ? List.of() : List.copyOf(policies);
  }
}
