package dev.fieldguide.orders.catalog;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import org.redisson.api.RBucket;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import dev.fieldguide.orders.web.BusinessRuleException;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * R1: cache-aside for products with stampede protection.
 *
 * <p>Read Redis; on a miss take a per-key Redisson lock (one loader across all instances),
 * check Redis again (a waiter finds the value the lock holder just stored), load from PostgreSQL,
 * store with a TTL plus random jitter (so keys written together do not expire together), release.
 * Unknown ids are cached briefly too, so a burst of 404s does not reach the database either.
 * When Redis is unreachable, reads fail open to PostgreSQL with a bound on concurrent loads.
 */
public class ProductCache {

  static final String CACHE = "products";
  private static final String KEY = "fieldguide:cache:product:";
  private static final String LOCK = "fieldguide:lock:product:";
  private static final String ABSENT = "";
  private static final Duration LOCK_LEASE = Duration.ofSeconds(10);
  private static final int MAX_LOADS_WITHOUT_CACHE = 16;

  private final RedissonClient redisson;
  private final LongFunction<Optional<ProductResponse>> loader;
  private final JsonMapper json;
  private final Duration ttl;
  private final Duration absentTtl;
  private final Counter hits;
  private final Counter misses;
  private final Counter loads;
  private final Counter fallbacks;
  private final Semaphore databaseLoads = new Semaphore(MAX_LOADS_WITHOUT_CACHE);

  ProductCache(RedissonClient redisson, LongFunction<Optional<ProductResponse>> loader,
      JsonMapper json, Duration ttl, MeterRegistry meters) {
    this.redisson = redisson;
    this.loader = loader;
    this.json = json;
    this.ttl = ttl;
    this.absentTtl = Duration.ofSeconds(30);
    this.hits = meters.counter("cache.gets", "cache", CACHE, "result", "hit");
    this.misses = meters.counter("cache.gets", "cache", CACHE, "result", "miss");
    this.loads = meters.counter("fieldguide.cache.loads", "cache", CACHE);
    this.fallbacks = meters.counter("fieldguide.cache.fallbacks", "cache", CACHE);
  }

  /** The product, from Redis if possible; from PostgreSQL (bounded) when Redis is unreachable. */
  public Optional<ProductResponse> get(long id) {
    try {
      return cacheAside(id);
    } catch (RedisException e) {
      // Fail open: the cache is an optimisation, not a dependency of reads.
      fallbacks.increment();
      return loadWithoutCache(id);
    }
  }

  private Optional<ProductResponse> cacheAside(long id) {
    RBucket<String> entry = redisson.getBucket(KEY + id, StringCodec.INSTANCE);
    String cached = entry.get();
    if (cached != null) {
      hits.increment();
      return decode(cached);
    }
    misses.increment();
    RLock lock = redisson.getLock(LOCK + id);
    // A lease, not the watchdog: a holder that dies (or stalls past it) cannot block the key.
    lock.lock(LOCK_LEASE.toMillis(), TimeUnit.MILLISECONDS);
    try {
      cached = entry.get();
      if (cached != null) {
        return decode(cached); // filled by the holder we waited for
      }
      loads.increment();
      Optional<ProductResponse> loaded = loader.apply(id);
      entry.set(loaded.map(json::writeValueAsString).orElse(ABSENT),
          loaded.isPresent() ? jittered(ttl) : absentTtl);
      return loaded;
    } finally {
      if (lock.isHeldByCurrentThread()) {
        lock.unlock();
      }
    }
  }

  /**
   * With Redis gone there is no single flight, so the database is protected by a plain bound on
   * concurrent loads; past it, a read is refused (503) rather than queued without limit.
   */
  private Optional<ProductResponse> loadWithoutCache(long id) {
    boolean admitted;
    try {
      admitted = databaseLoads.tryAcquire(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      admitted = false;
    }
    if (!admitted) {
      throw new BusinessRuleException(HttpStatus.SERVICE_UNAVAILABLE, "CACHE_DOWN_DATABASE_BUSY",
          "Too many product reads while the cache is unavailable; retry shortly.", List.of());
    }
    try {
      loads.increment();
      return loader.apply(id);
    } finally {
      databaseLoads.release();
    }
  }

  /** TTL plus up to 10 % random extra. */
  static Duration jittered(Duration ttl) {
    return ttl.plusMillis(ThreadLocalRandom.current().nextLong(ttl.toMillis() / 10 + 1));
  }

  private Optional<ProductResponse> decode(String cached) {
    return cached.equals(ABSENT)
        ? Optional.empty()
        : Optional.of(json.readValue(cached, ProductResponse.class));
  }
}
