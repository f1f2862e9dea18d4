package dev.fieldguide.orders.catalog;

import dev.fieldguide.orders.errors.DomainException;
import dev.fieldguide.orders.errors.DomainException.Kind;
import dev.fieldguide.orders.redis.RedisCircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * R1: cache-aside for products with stampede protection.
 *
 * <p>Read Redis; on a miss, under {@link SingleFlight} for the key, check Redis again (a waiter
 * finds the value the holder just stored), load from PostgreSQL, store with a TTL plus random
 * jitter (so keys written together do not expire together). Unknown ids are cached briefly too,
 * so a burst of 404s does not reach the database either. When Redis is unreachable, reads fail
 * open to PostgreSQL with a bound on concurrent loads.
 */
public class ProductCache {

  private static final Logger log = LoggerFactory.getLogger(ProductCache.class);
  private static final String ABSENT = "";
  private static final Duration ABSENT_TTL = Duration.ofSeconds(30);
  private static final int MAX_LOADS_WITHOUT_CACHE = 16;
  /** R2: a value this large is served but not cached; one huge entry can evict thousands. */
  public static final int MAX_VALUE_BYTES = 64 * 1024;

  private final String name;
  private final RedissonClient redisson;
  private final SingleFlight singleFlight;
  private final LongFunction<Optional<ProductResponse>> loader;
  private final JsonMapper json;
  private final Duration ttl;
  private final Counter hits;
  private final Counter misses;
  private final Counter loads;
  private final Counter redisErrors;
  private final Counter outageSkips;
  private final Counter oversized;
  private final Semaphore databaseLoads = new Semaphore(MAX_LOADS_WITHOUT_CACHE);
  private final RedisCircuitBreaker redisBreaker = new RedisCircuitBreaker(Duration.ofSeconds(5));

  /**
   * @param name the cache's name: part of its keys and the {@code cache} tag of its metrics
   */
  public ProductCache(String name, RedissonClient redisson, SingleFlight singleFlight,
      LongFunction<Optional<ProductResponse>> loader, JsonMapper json, Duration ttl,
      MeterRegistry meters) {
    this.name = name;
    this.redisson = redisson;
    this.singleFlight = singleFlight;
    this.loader = loader;
    this.json = json;
    this.ttl = ttl;
    this.hits = meters.counter("cache.gets", "cache", name, "result", "hit");
    this.misses = meters.counter("cache.gets", "cache", name, "result", "miss");
    this.loads = meters.counter("fieldguide.cache.loads", "cache", name);
    this.redisErrors = meters.counter("fieldguide.cache.fallbacks", "cache", name, "reason",
        "redis-error");
    this.outageSkips = meters.counter("fieldguide.cache.fallbacks", "cache", name, "reason",
        "outage");
    this.oversized = meters.counter("fieldguide.cache.oversized", "cache", name);
  }

  /** The product, from Redis if possible; from PostgreSQL (bounded) when Redis is unreachable. */
  public Optional<ProductResponse> get(long id) {
    if (redisBreaker.isOpen()) {
      outageSkips.increment(); // do not pay a Redis timeout on every read of an outage
      return loadWithoutCache(id);
    }
    try {
      return cacheAside(id);
    } catch (RedisException e) {
      // Fail open: the cache is an optimisation, not a dependency of reads.
      redisErrors.increment();
      redisBreaker.trip();
      return loadWithoutCache(id);
    }
  }

  /**
   * Drops the cached value; called after the change has committed. It runs under the key's single
   * flight, so a load that read the old row before the commit cannot store it after this delete.
   */
  public void evict(long id) {
    try {
      singleFlight.run(flightKey(id), () -> entry(id).delete());
    } catch (RedisException e) {
      // The TTL bounds how long the old value can be served; nothing else can be done here.
      log.warn("Could not evict product {} from cache {}; it expires with its TTL", id, name, e);
    }
  }

  /** The Redis key of a product's entry. */
  public String key(long id) {
    return "fieldguide:cache:" + name + ":" + id;
  }

  /** What concurrent loads of one product coordinate on, e.g. {@code products:42}. */
  private String flightKey(long id) {
    return name + ":" + id;
  }

  private Optional<ProductResponse> cacheAside(long id) {
    RBucket<String> entry = entry(id);
    String cached = entry.get();
    if (cached != null) {
      hits.increment();
      return decode(cached);
    }
    misses.increment();
    return singleFlight.run(flightKey(id), () -> {
      String filled = entry.get();
      if (filled != null) {
        return decode(filled); // stored by the caller we waited for
      }
      loads.increment();
      Optional<ProductResponse> loaded = loader.apply(id);
      String value = loaded.map(json::writeValueAsString).orElse(ABSENT);
      if (value.getBytes(StandardCharsets.UTF_8).length > MAX_VALUE_BYTES) {
        oversized.increment();
      } else {
        entry.set(value, loaded.isPresent() ? jittered(ttl) : ABSENT_TTL);
      }
      return loaded;
    });
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
      throw new DomainException(Kind.UNAVAILABLE, "CACHE_DOWN_DATABASE_BUSY",
          "Too many product reads while the cache is unavailable; retry shortly.", List.of());
    }
    try {
      loads.increment();
      return loader.apply(id);
    } finally {
      databaseLoads.release();
    }
  }

  private RBucket<String> entry(long id) {
    return redisson.getBucket(key(id), StringCodec.INSTANCE);
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
