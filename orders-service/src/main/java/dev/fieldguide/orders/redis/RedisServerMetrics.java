package dev.fieldguide.orders.redis;

import dev.fieldguide.orders.observability.SampledValue;
import dev.fieldguide.orders.observability.ScheduledSamples;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNode;
import org.redisson.api.redisnode.RedisNodes;
import org.springframework.stereotype.Component;

/**
 * R2: the Redis server's own memory figures as gauges — used and maximum memory, keys evicted
 * (a server counter since its start: alert on its rate), fragmentation, and the keyspace hit
 * ratio — from one {@code INFO} read on the sample schedule, never by the scrape. NaN until the
 * first reading; while Redis cannot be reached they keep the last one and
 * {@code fieldguide_metrics_sample_age_seconds{sample="fieldguide.redis"}} grows.
 */
@Component
class RedisServerMetrics implements MeterBinder {

  private final SampledValue<Map<String, String>> info;

  RedisServerMetrics(RedissonClient redisson, ScheduledSamples samples) {
    this.info = samples.register("fieldguide.redis", () -> redisson
        .getRedisNodes(RedisNodes.SINGLE).getInstance().info(RedisNode.InfoSection.ALL));
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    gauge(registry, "fieldguide.redis.memory.used", "bytes", "used_memory");
    gauge(registry, "fieldguide.redis.memory.max", "bytes", "maxmemory");
    gauge(registry, "fieldguide.redis.keys.evicted", null, "evicted_keys");
    gauge(registry, "fieldguide.redis.memory.fragmentation", null, "mem_fragmentation_ratio");
    Gauge.builder("fieldguide.redis.keyspace.hit.ratio", info,
        sample -> sample.value(RedisServerMetrics::hitRatio))
        .description("keyspace_hits / (hits + misses) since the server started")
        .register(registry);
  }

  private void gauge(MeterRegistry registry, String name, @Nullable String unit, String field) {
    ToDoubleFunction<SampledValue<Map<String, String>>> read = sample -> sample
        .value(reply -> number(reply, field));
    Gauge.builder(name, info, read).baseUnit(unit).description("Redis INFO " + field)
        .register(registry);
  }

  private static double hitRatio(Map<String, String> reply) {
    double hits = number(reply, "keyspace_hits");
    double misses = number(reply, "keyspace_misses");
    return hits + misses == 0 ? Double.NaN : hits / (hits + misses);
  }

  private static double number(Map<String, String> reply, String field) {
    String value = reply.get(field);
    return value == null ? Double.NaN : Double.parseDouble(value);
  }
}
