package dev.fieldguide.lab;

import dev.fieldguide.fixtures.wrongway.NoSingleFlight;
import dev.fieldguide.fixtures.wrongway.PerJvmSingleFlight;
import dev.fieldguide.orders.catalog.ProductCache;
import dev.fieldguide.orders.catalog.ProductRepository;
import dev.fieldguide.orders.catalog.ProductResponse;
import dev.fieldguide.orders.catalog.SingleFlight;
import dev.fieldguide.orders.errors.NotFoundException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.redisson.api.RedissonClient;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lab's product reads through three caches that differ only in how concurrent misses are
 * coordinated (Redis lock, per-JVM lock, none), each loading through a deliberately slow query —
 * the stampede's worst case, a load that takes longer than requests take to pile up.
 */
@RestController
class StampedeFixtures {

  static final String PATH = "/lab/fixtures/stampede/";
  /**
   * Long enough that many of 200 readers arrive during the first load even when a busy machine
   * spreads their arrival out (at 50 ms, a run under CI's foreign load saw 13 miss), short enough
   * that 200 loads without a lock hold the pool of 20 for about a second.
   */
  static final Duration SLOW_LOAD = Duration.ofMillis(100);

  private final RedissonClient redisson;
  private final ProductRepository products;
  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final MeterRegistry meters;
  private final Map<String, ProductCache> caches;

  /** {@code singleFlight} is the service's own: the lock in Redis its product cache uses. */
  StampedeFixtures(RedissonClient redisson, SingleFlight singleFlight, ProductRepository products,
      JdbcClient jdbc, JsonMapper json, MeterRegistry meters) {
    this.redisson = redisson;
    this.products = products;
    this.jdbc = jdbc;
    this.json = json;
    this.meters = meters;
    this.caches = Map.of("redis", slowCache("redis", singleFlight), "jvm",
        slowCache("jvm", new PerJvmSingleFlight()), "none",
        slowCache("none", new NoSingleFlight()));
  }

  /** The cache of a variant: named {@code lab-<variant>} in keys and metrics. */
  ProductCache cache(String variant) {
    ProductCache cache = caches.get(variant);
    if (cache == null) {
      throw new NotFoundException("stampede variant", variant);
    }
    return cache;
  }

  @GetMapping(PATH + "{variant}/products/{id}")
  ProductResponse product(@PathVariable String variant, @PathVariable long id) {
    return cache(variant).get(id).orElseThrow(() -> new NotFoundException("product", id));
  }

  private ProductCache slowCache(String variant, SingleFlight singleFlight) {
    return new ProductCache("lab-" + variant, redisson, singleFlight, id -> {
      jdbc.sql("SELECT pg_sleep(?)").param(SLOW_LOAD.toMillis() / 1000.0).query().singleValue();
      return products.findById(id).map(ProductResponse::of);
    }, json, Duration.ofMinutes(1), meters);
  }
}
