/**
 * R4 — rate limiting: a token bucket per client and route policy, kept in Redis and updated by one
 * Lua script, so the limit holds across every instance of the service. Each instance leases
 * tokens ahead for large policies and remembers refusals ({@code TokenLeases}), so most requests
 * are decided without a Redis call.
 *
 * <p>{@code RateLimitFilter} answers with the IETF draft's {@code RateLimit-Policy}/{@code
 * RateLimit} headers and the common {@code X-RateLimit-*} ones, and with 429 + {@code Retry-After}
 * once the bucket is empty. A client is its token's caller, else its registered API key's owner
 * ({@code ApiKeys}, issued and revoked at {@code /admin/api-keys}; an invented key is a 401),
 * else its address as resolved through trusted proxies only.
 *
 * @see dev.fieldguide.orders.ratelimit.RateLimitIntegrationTests
 * @see dev.fieldguide.orders.ratelimit.TokenLeasesIntegrationTests
 * @see dev.fieldguide.orders.ratelimit.ApiKeyIntegrationTests
 */
@ApplicationModule(displayName = "ratelimit (R4)", allowedDependencies = {"audit", "errors",
    "redis", "security", "web"})
@NullMarked
package dev.fieldguide.orders.ratelimit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
