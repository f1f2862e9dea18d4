package dev.fieldguide.orders.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.catalog.ProductCache;
import dev.fieldguide.orders.catalog.ProductResponse;
import dev.fieldguide.fixtures.wrongway.PerJvmSingleFlight;
import dev.fieldguide.orders.locking.FencedLock;
import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.TestData;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.redisson.api.RType;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** R2: no key without an expiry, no oversized cache value, and Redis's memory figures exported. */
@IntegrationTest
class RedisKeyDisciplineIntegrationTests {

  @Autowired
  RedissonClient redisson;

  @Autowired
  Api api;

  @Autowired
  TestData data;

  @Autowired
  FencedLock fencedLock;

  @Autowired
  JsonMapper json;

  @Test
  void everyKeyTheAppWroteExpiresAndTheOnlyKeysWithoutTtlAreLengthBoundedStreams(
      RandomGenerator random) {
    writeThroughEveryRedisPath(random);
    List<String> withoutTtl = new ArrayList<>();
    List<String> streams = new ArrayList<>();

    // The run's own Redis database: everything this test and the tests before it made the app
    // write.
    for (String key : redisson.getKeys().getKeys()) {
      if (redisson.getKeys().getType(key) == RType.STREAM) {
        streams.add(key);
      } else if (redisson.getKeys().remainTimeToLive(key) == -1) {
        withoutTtl.add(key);
      }
    }

    assertThat(withoutTtl).as("keys without a TTL").isEmpty();
    assertThat(streams).allSatisfy(stream -> assertThat(
        redisson.getStream(stream, StringCodec.INSTANCE).size()).isLessThan(100_000 + 100));
  }

  @Test
  void aValueOverTheSizeCapIsServedButNotCached(RandomGenerator random) {
    String huge = "x".repeat(ProductCache.MAX_VALUE_BYTES);
    var meters = new SimpleMeterRegistry();
    var cache = new ProductCache("size-test", redisson,
        new PerJvmSingleFlight(), // any single flight: the size cap is the point here
        id -> Optional.of(new ProductResponse(id, "SKU", "Huge", 1, Map.of("manual", huge))), json,
        Duration.ofMinutes(10), meters);
    long id = random.nextLong(1, Long.MAX_VALUE);

    assertThat(cache.get(id)).hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("Huge"));

    assertThat(redisson.getBucket(cache.key(id)).isExists()).isFalse();
    assertThat(meters.counter("fieldguide.cache.oversized", "cache", "size-test").count())
        .isEqualTo(1);
  }

  @Test
  void redisMemoryFiguresAreExportedAsGauges() {
    String scrape = api.get("/actuator/prometheus").body();

    assertThat(scrape).contains("fieldguide_redis_memory_max_bytes",
        "fieldguide_redis_keys_evicted", "fieldguide_redis_memory_fragmentation",
        "fieldguide_redis_keyspace_hit_ratio");
    double used = scrape.lines().filter(l -> l.startsWith("fieldguide_redis_memory_used_bytes"))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst()
        .orElseThrow();
    assertThat(used).isPositive();
  }

  /** Drives the app through each feature that writes to Redis. */
  private void writeThroughEveryRedisPath(RandomGenerator random) {
    long product = data.product("TTL Lamp", 1_000, Map.of());
    api.get("/api/v1/products/" + product); // cache entry, single-flight lock
    api.get("/api/v1/products/" + random.nextLong(1L << 40, 1L << 41));
    api.send("PATCH", "/api/v1/products/" + product,
        HttpRequest.BodyPublishers.ofString("{\"name\": \"TTL Lamp 2\"}"),
        Map.of("Content-Type", "application/json")); // eviction
    api.get("/api/lab/limited/exact"); // the caller's bucket
    fencedLock.tryAcquire("ttl-test-" + UUID.randomUUID(), Duration.ofSeconds(30)); // lease, fence
    api.post("/api/v1/shortlist", "{\"productId\": %d}".formatted(product),
        Map.of("Content-Type", "application/json")); // session
  }
}
