package dev.fieldguide.orders.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.StatementCounter;
import dev.fieldguide.orders.support.TestData;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** R1: one load for a stampede of misses, jittered TTLs, and reads served from Redis. */
@IntegrationTest
class ProductCacheIntegrationTests {

  private static final Duration TTL = Duration.ofMinutes(10);

  @Autowired
  RedissonClient redisson;

  @Autowired
  JsonMapper json;

  @Autowired
  Api api;

  @Autowired
  TestData data;

  @Autowired
  StatementCounter statements;

  @Test
  void fiveHundredConcurrentMissesOnOneKeyLoadItOnce() throws Exception {
    AtomicInteger loads = new AtomicInteger();
    var meters = new SimpleMeterRegistry();
    ProductCache cache = new ProductCache(redisson, id -> {
      loads.incrementAndGet();
      holdUntilEveryReaderMissed(meters, 500); // the slowest possible load: all readers pile up
      return Optional.of(new ProductResponse(id, "SKU", "Slow", 100, Map.of()));
    }, json, TTL, meters);
    long id = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
    var start = new CountDownLatch(1);
    List<Future<Optional<ProductResponse>>> reads = new ArrayList<>();

    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 500; i++) {
        reads.add(pool.submit(() -> {
          start.await();
          return cache.get(id);
        }));
      }
      start.countDown();
      for (var read : reads) {
        assertThat(read.get()).hasValueSatisfying(p -> assertThat(p.id()).isEqualTo(id));
      }
    }

    assertThat(loads.get()).isEqualTo(1);
  }

  @Test
  void ttlsOfKeysWrittenTogetherAreSpreadByJitter() {
    ProductCache cache = cacheWith(id -> Optional.of(
        new ProductResponse(id, "SKU", "P", 100, Map.of())));
    long base = ThreadLocalRandom.current().nextLong(3_000_000_000L, 4_000_000_000L);
    Set<Long> ttlSeconds = new HashSet<>();

    for (long id = base; id < base + 50; id++) {
      cache.get(id);
      long ttl = redisson.getBucket("fieldguide:cache:product:" + id, StringCodec.INSTANCE)
          .remainTimeToLive();
      assertThat(ttl).isBetween(TTL.toMillis() - 5_000, TTL.toMillis() * 11 / 10);
      ttlSeconds.add(ttl / 1000);
    }

    assertThat(ttlSeconds).as("distinct expiry seconds among 50 keys").hasSizeGreaterThan(10);
  }

  @Test
  void theSecondReadOfAProductComesFromRedis() {
    long id = data.product("Cached Lamp", 4_200, Map.of("color", "teal"));
    var first = api.get("/api/v1/products/" + id);
    statements.reset();

    var second = api.get("/api/v1/products/" + id);

    assertThat(second.body()).isEqualTo(first.body());
    statements.assertSelectCount(0);
  }

  @Test
  void unknownIdsAreCachedBrieflySoA404BurstSkipsTheDatabase() {
    long unknown = ThreadLocalRandom.current().nextLong(5_000_000_000L, 6_000_000_000L);
    api.get("/api/v1/products/" + unknown);
    statements.reset();

    var again = api.get("/api/v1/products/" + unknown);

    assertThat(again.status()).isEqualTo(404);
    statements.assertSelectCount(0);
  }

  @Test
  void twoInstancesWithTheirOwnRedisConnectionsStillLoadOnce() throws Exception {
    AtomicInteger loads = new AtomicInteger();
    var meters = new SimpleMeterRegistry(); // shared, so misses of both instances add up
    LongFunction<Optional<ProductResponse>> slowLoader = id -> {
      loads.incrementAndGet();
      holdUntilEveryReaderMissed(meters, 200);
      return Optional.of(new ProductResponse(id, "SKU", "Shared", 100, Map.of()));
    };
    RedissonClient otherInstance = Redisson.create(new Config(redisson.getConfig()));
    try {
      ProductCache first = new ProductCache(redisson, slowLoader, json, TTL, meters);
      ProductCache second = new ProductCache(otherInstance, slowLoader, json, TTL, meters);
      long id = ThreadLocalRandom.current().nextLong(7_000_000_000L, 8_000_000_000L);
      var start = new CountDownLatch(1);
      List<Future<Optional<ProductResponse>>> reads = new ArrayList<>();
      try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int i = 0; i < 200; i++) {
          ProductCache instance = i % 2 == 0 ? first : second;
          reads.add(pool.submit(() -> {
            start.await();
            return instance.get(id);
          }));
        }
        start.countDown();
        for (var read : reads) {
          assertThat(read.get()).isPresent();
        }
      }
    } finally {
      otherInstance.shutdown();
    }

    assertThat(loads.get()).isEqualTo(1);
  }

  @Test
  void withRedisUnreachableReadsFallBackToTheDatabase() {
    Config dead = new Config();
    dead.setLazyInitialization(true);
    dead.useSingleServer().setAddress("redis://127.0.0.1:1").setConnectTimeout(200)
        .setTimeout(200).setRetryAttempts(0);
    RedissonClient unreachable = Redisson.create(dead);
    try {
      AtomicInteger loads = new AtomicInteger();
      ProductCache cache = new ProductCache(unreachable, id -> {
        loads.incrementAndGet();
        return Optional.of(new ProductResponse(id, "SKU", "From PostgreSQL", 100, Map.of()));
      }, json, TTL, new SimpleMeterRegistry());

      for (long id = 1; id <= 5; id++) {
        assertThat(cache.get(id)).hasValueSatisfying(p -> assertThat(p.name())
            .isEqualTo("From PostgreSQL"));
      }
      assertThat(loads.get()).isEqualTo(5);
    } finally {
      unreachable.shutdown();
    }
  }

  private ProductCache cacheWith(LongFunction<Optional<ProductResponse>> loader) {
    return new ProductCache(redisson, loader, json, TTL, new SimpleMeterRegistry());
  }

  /**
   * Keeps the load in flight until every reader has missed the cache (bounded wait), so the test
   * covers the worst stampede: all of them arrive while the value is still being loaded.
   */
  private static void holdUntilEveryReaderMissed(MeterRegistry meters, int readers) {
    await().atMost(Duration.ofSeconds(20)).until(() -> meters.counter("cache.gets", "cache",
        ProductCache.CACHE, "result", "miss").count() >= readers);
  }

}
