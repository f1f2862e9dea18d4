package dev.fieldguide.orders.catalog;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/** The product cache, loading through the repository on a miss and dropping changed products. */
@Configuration(proxyBeanMethods = false)
class ProductCacheConfiguration {

  static final String CACHE = "products";

  /** One loader per key across every instance: a lock in Redis. */
  @Bean
  SingleFlight singleFlight(RedissonClient redisson) {
    return new RedisSingleFlight(redisson, Duration.ofSeconds(10));
  }

  @Bean
  ProductCache productCache(RedissonClient redisson, SingleFlight singleFlight,
      ProductRepository products, JsonMapper json,
      @Value("${fieldguide.cache.products.ttl:PT10M}") Duration ttl, MeterRegistry meters) {
    // The loader reads the primary (findById is a plain read-only transaction, not a
    // @ReplicaRead): it runs right after an edit evicted the entry, and a lagging replica would
    // put the old row back for a whole TTL.
    return new ProductCache(CACHE, redisson, singleFlight,
        id -> products.findById(id).map(ProductResponse::of), json, ttl, meters);
  }

  @Bean
  ProductCacheInvalidation productCacheInvalidation(ProductCache cache) {
    return new ProductCacheInvalidation(cache);
  }

  /**
   * Evicts after the commit, never before: evicting inside the transaction would let a concurrent
   * read reload the old row (still the committed one) and cache it for a full TTL.
   */
  record ProductCacheInvalidation(ProductCache cache) {

    @TransactionalEventListener
    void on(Product.ProductChanged changed) {
      cache.evict(changed.productId());
    }
  }
}
