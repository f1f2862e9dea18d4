/**
 * R4 — rate limiting: a token bucket per client and route policy, kept in Redis and updated by one
 * Lua script, so the limit holds across every instance of the service.
 *
 * <p>{@code RateLimitFilter} answers with the IETF draft's {@code RateLimit-Policy}/{@code
 * RateLimit} headers and the common {@code X-RateLimit-*} ones, and with 429 + {@code Retry-After}
 * once the bucket is empty.
 *
 * @see dev.fieldguide.orders.ratelimit.RateLimitIntegrationTests
 */
@ApplicationModule(displayName = "ratelimit (R4)", allowedDependencies = {"redis", "security",
    "web"})
@NullMarked
package dev.fieldguide.orders.ratelimit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
