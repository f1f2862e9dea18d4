/**
 * R2 — eviction, TTL and memory: every key the app writes expires (or, for the one stream, is
 * trimmed by length), cache values have a size cap, and Redis's memory figures are gauges.
 *
 * <p>{@code RedisServerMetrics} exports {@code INFO} (used memory, evictions, fragmentation, hit
 * ratio); {@code RedisClientTuning} bounds how long a call waits before the caller fails open.
 * The eviction policy is chosen in {@code docker-compose.yml} and explained in
 * {@code docs/redis-memory.md}.
 *
 * @see dev.fieldguide.orders.redis.RedisKeyDisciplineIntegrationTests
 */
@ApplicationModule(displayName = "redis (R2)", allowedDependencies = {"observability"})
@NullMarked
package dev.fieldguide.orders.redis;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
