package dev.fieldguide.orders.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fieldguide.fixtures.Concurrently;
import dev.fieldguide.fixtures.wrongway.PerJvmSingleFlight;
import dev.fieldguide.fixtures.wrongway.NoSingleFlight;
import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.UnreachableRedis;
import dev.fieldguide.orders.support.StatementCounter;
import dev.fieldguide.orders.support.TestData;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** R1: one load for a stampede of misses, jittered TTLs, and reads served from Redis. */
@IntegrationTest
class ProductCacheIntegrationTests {

  private static final Duration TTL = Duration.ofMinutes(10);
  private static final String CACHE = "products-test";
  // Longer than the slowest stampede on a busy machine: a lease that runs out lets a second
  // loader in, which is the lease trade-off (docs/cache-aside.md), not what these tests measure.
  private static final Duration LEASE = Duration.ofMinutes(1);

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

  @Autowired
  ProductCache productCache;

  @Autowired
  ProductEditing editing;

  @Autowired
  TransactionTemplate transactions;

  @Test
  void fiveHundredConcurrentMissesOnOneKeyLoadItOnce(RandomGenerator random) {
    var stampede = new Stampede(500, random);

    stampede.run(stampede.instance(redisson, new RedisSingleFlight(redisson, LEASE)));

    assertThat(stampede.loads()).as(stampede.fallbacksSeen()).isEqualTo(1);
  }

  @Test
  void withoutSingleFlightNearlyEveryConcurrentMissLoads(RandomGenerator random) {
    var stampede = new Stampede(500, random);

    stampede.run(stampede.instance(redisson, new NoSingleFlight()));

    // Not exactly 500: the last readers' re-check can already find the first loader's value.
    assertThat(stampede.loads()).isGreaterThan(450);
  }

  @Test
  void twoInstancesWithTheirOwnRedisConnectionsStillLoadOnce(RandomGenerator random) {
    RedissonClient otherInstance = Redisson.create(new Config(redisson.getConfig()));
    try {
      var stampede = new Stampede(200, random);

      stampede.run(stampede.instance(redisson, new RedisSingleFlight(redisson, LEASE)),
          stampede.instance(otherInstance, new RedisSingleFlight(otherInstance, LEASE)));

      assertThat(stampede.loads()).isEqualTo(1);
    } finally {
      otherInstance.shutdown();
    }
  }

  @Test
  void aPerJvmLockStillLoadsOncePerInstance(RandomGenerator random) {
    var stampede = new Stampede(200, random);

    stampede.run(stampede.instance(redisson, new PerJvmSingleFlight()),
        stampede.instance(redisson, new PerJvmSingleFlight()));

    assertThat(stampede.loads()).isEqualTo(2);
  }

  @Test
  void ttlsOfKeysWrittenTogetherAreSpreadByJitter(RandomGenerator random) {
    ProductCache cache = new ProductCache(CACHE, redisson, new RedisSingleFlight(redisson, LEASE),
        id -> Optional.of(new ProductResponse(id, "SKU", "P", 100, Map.of())), json, TTL,
        new SimpleMeterRegistry());
    long base = random.nextLong(3_000_000_000L, 4_000_000_000L);
    Set<Long> ttlSeconds = new HashSet<>();

    for (long id = base; id < base + 50; id++) {
      cache.get(id);
      long ttl = redisson.getBucket(cache.key(id), StringCodec.INSTANCE).remainTimeToLive();
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
  void unknownIdsAreCachedBrieflySoA404BurstSkipsTheDatabase(RandomGenerator random) {
    long unknown = random.nextLong(5_000_000_000L, 6_000_000_000L);
    api.get("/api/v1/products/" + unknown);
    statements.reset();

    var again = api.get("/api/v1/products/" + unknown);

    assertThat(again.status()).isEqualTo(404);
    statements.assertSelectCount(0);
  }

  @Test
  void anEditInvalidatesTheEntrySoTheNextReadSeesTheNewValue() {
    long id = data.product("Old Name", 1_000, Map.of());
    api.get("/api/v1/products/" + id); // cached now

    var edited = api.send("PATCH", "/api/v1/products/" + id, HttpRequest.BodyPublishers.ofString(
        "{\"name\": \"New Name\", \"priceCents\": 1200}"),
        Map.of("Content-Type", "application/json"));
    var next = api.get("/api/v1/products/" + id);

    assertThat(edited.status()).isEqualTo(200);
    assertThat(next.jsonBody().path("name").asString()).isEqualTo("New Name");
    assertThat(next.jsonBody().path("priceCents").asLong()).isEqualTo(1200);
  }

  @Test
  void anEditMayChangeOneFieldAndKeepTheOthers() {
    long id = data.product("Kept Name", 1_000, Map.of());

    var edited = api.send("PATCH", "/api/v1/products/" + id,
        HttpRequest.BodyPublishers.ofString("{\"priceCents\": 1500}"),
        Map.of("Content-Type", "application/json"));

    assertThat(edited.status()).isEqualTo(200);
    assertThat(edited.jsonBody().path("name").asString()).isEqualTo("Kept Name");
    assertThat(edited.jsonBody().path("priceCents").asLong()).isEqualTo(1500);
  }

  @Test
  void anEvictionWaitsForALoadInFlightSoTheOldValueIsNotLeftBehind(RandomGenerator random) {
    var loadStarted = new CountDownLatch(1);
    var finishLoad = new CountDownLatch(1);
    ProductCache cache = new ProductCache(CACHE, redisson, new RedisSingleFlight(redisson, LEASE),
        id -> {
          loadStarted.countDown(); // has read the row as it was before the edit
          awaitLatch(finishLoad);
          return Optional.of(new ProductResponse(id, "SKU", "Old", 100, Map.of()));
        }, json, TTL, new SimpleMeterRegistry());
    long id = random.nextLong(9_000_000_000L, 9_500_000_000L);

    try (var read = Concurrently.start(1, i -> () -> cache.get(id))) {
      awaitLatch(loadStarted);
      try (var eviction = Concurrently.start(1, i -> () -> { // the edit has committed
        cache.evict(id);
        return id;
      })) {
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
            .until(() -> !eviction.isDone());
        finishLoad.countDown();
        read.join();
        eviction.join();
      }
    }

    assertThat(redisson.getBucket(cache.key(id), StringCodec.INSTANCE).isExists())
        .as("the old value stored by the load in flight").isFalse();
  }

  @Test
  void theEntryIsDroppedOnlyOnceTheEditHasCommitted() {
    long id = data.product("Before", 1_000, Map.of());
    api.get("/api/v1/products/" + id);
    var entry = redisson.getBucket(productCache.key(id), StringCodec.INSTANCE);

    transactions.executeWithoutResult(tx -> {
      editing.edit(id, new ProductEdit("After", null, null));
      assertThat(entry.isExists()).as("still cached inside the transaction").isTrue();
    });

    assertThat(entry.isExists()).as("cached after the commit").isFalse();
  }

  @Test
  void aRolledBackEditKeepsTheEntry() {
    long id = data.product("Kept", 1_000, Map.of());
    api.get("/api/v1/products/" + id);

    transactions.executeWithoutResult(tx -> {
      editing.edit(id, new ProductEdit("Never Committed", null, null));
      tx.setRollbackOnly();
    });

    assertThat(redisson.getBucket(productCache.key(id), StringCodec.INSTANCE).isExists()).isTrue();
    assertThat(api.get("/api/v1/products/" + id).jsonBody().path("name").asString())
        .isEqualTo("Kept");
  }

  @Test
  void withRedisUnreachableReadsFallBackToTheDatabaseAndStopTryingRedisForAWhile() {
    RedissonClient unreachable = UnreachableRedis.client();
    try {
      AtomicInteger loads = new AtomicInteger();
      var meters = new SimpleMeterRegistry();
      ProductCache cache = new ProductCache(CACHE, unreachable,
          new RedisSingleFlight(unreachable, LEASE), id -> {
            loads.incrementAndGet();
            return Optional.of(new ProductResponse(id, "SKU", "From PostgreSQL", 100, Map.of()));
          }, json, TTL, meters);

      for (long id = 1; id <= 5; id++) {
        assertThat(cache.get(id)).hasValueSatisfying(p -> assertThat(p.name())
            .isEqualTo("From PostgreSQL"));
      }

      assertThat(loads.get()).isEqualTo(5);
      assertThat(fallbacks(meters, "redis-error")).as("reads that tried Redis").isEqualTo(1);
      assertThat(fallbacks(meters, "outage")).as("reads that skipped it").isEqualTo(4);
    } finally {
      unreachable.shutdown();
    }
  }

  private static void awaitLatch(CountDownLatch latch) {
    await().atMost(Duration.ofSeconds(20)).until(() -> latch.getCount() == 0);
  }

  private static double fallbacks(MeterRegistry meters, String reason) {
    return meters.counter("fieldguide.cache.fallbacks", "cache", CACHE, "reason", reason).count();
  }

  /**
   * Concurrent reads of one cold key, spread over cache instances that share one loader and one
   * meter registry. The loader stays in flight until every reader has missed (bounded wait), so
   * the test covers the worst stampede: all of them arrive while the value is being loaded.
   */
  private final class Stampede {

    private final int readers;
    private final long id;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    Stampede(int readers, RandomGenerator random) {
      this.readers = readers;
      this.id = random.nextLong(1_000_000_000L, 2_000_000_000L);
    }

    ProductCache instance(RedissonClient client, SingleFlight singleFlight) {
      return new ProductCache(CACHE, client, singleFlight, this::slowLoad, json, TTL, meters);
    }

    void run(ProductCache... instances) {
      List<Optional<ProductResponse>> reads = Concurrently.run(readers,
          i -> () -> instances[i % instances.length].get(id));
      assertThat(reads).allSatisfy(read -> assertThat(read)
          .hasValueSatisfying(p -> assertThat(p.id()).isEqualTo(id)));
    }

    private double passedRedis() {
      return meters.counter("cache.gets", "cache", CACHE, "result", "miss").count()
          + fallbacks();
    }

    private double fallbacks() {
      return meters.find("fieldguide.cache.fallbacks").counters().stream()
          .mapToDouble(counter -> counter.count()).sum();
    }

    /**
     * For a failure message: a reader whose Redis call failed (a timeout on an overloaded machine)
     * loads without the cache, so a load beyond the one is either a lost single flight or this.
     */
    String fallbacksSeen() {
      return "loads (reads that fell back to the database after a Redis error: %.0f)"
          .formatted(fallbacks());
    }

    long loads() {
      return (long) meters.counter("fieldguide.cache.loads", "cache", CACHE).count();
    }

    private Optional<ProductResponse> slowLoad(long product) {
      // Hold every load until each reader is past Redis: missed, or (a Redis timeout on a busy
      // machine) fell back to loading without the cache, which is counted and not a miss.
      await().atMost(Duration.ofSeconds(20)).until(() -> passedRedis() >= readers);
      return Optional.of(new ProductResponse(product, "SKU", "Slow", 100, Map.of()));
    }
  }
}
