package dev.fieldguide.orders.redis;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNode;
import org.redisson.api.redisnode.RedisNodes;
import org.redisson.client.RedisException;
import org.springframework.stereotype.Component;

/**
 * R2: the Redis server's own memory figures as gauges — used and maximum memory, keys evicted,
 * fragmentation, and the keyspace hit ratio — read from {@code INFO} at most once per interval
 * however often the gauges are scraped. NaN while Redis cannot be reached.
 */
@Component
class RedisServerMetrics implements MeterBinder {

  private static final Duration REFRESH = Duration.ofSeconds(5);

  private final RedissonClient redisson;
  private volatile Map<String, String> info = Map.of();
  private volatile long readAt = System.nanoTime() - REFRESH.toNanos();

  RedisServerMetrics(RedissonClient redisson) {
    this.redisson = redisson;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    gauge(registry, "fieldguide.redis.memory.used", "bytes", "used_memory");
    gauge(registry, "fieldguide.redis.memory.max", "bytes", "maxmemory");
    gauge(registry, "fieldguide.redis.keys.evicted", null, "evicted_keys");
    gauge(registry, "fieldguide.redis.memory.fragmentation", null, "mem_fragmentation_ratio");
    Gauge.builder("fieldguide.redis.keyspace.hit.ratio", this, RedisServerMetrics::hitRatio)
        .description("keyspace_hits / (hits + misses) since the server started")
        .register(registry);
  }

  private void gauge(MeterRegistry registry, String name, @Nullable String unit, String field) {
    ToDoubleFunction<RedisServerMetrics> read = metrics -> metrics.number(field);
    Gauge.builder(name, this, read).baseUnit(unit).description("Redis INFO " + field)
        .register(registry);
  }

  private double hitRatio() {
    double hits = number("keyspace_hits");
    double misses = number("keyspace_misses");
    return hits + misses == 0 ? Double.NaN : hits / (hits + misses);
  }

  private double number(String field) {
    String value = current().get(field);
    return value == null ? Double.NaN : Double.parseDouble(value);
  }

  private Map<String, String> current() {
    if (System.nanoTime() - readAt >= REFRESH.toNanos()) {
      readAt = System.nanoTime();
      try {
        info = redisson.getRedisNodes(RedisNodes.SINGLE).getInstance()
            .info(RedisNode.InfoSection.ALL);
      } catch (RedisException e) {
        info = Map.of();
      }
    }
    return info;
  }
}
