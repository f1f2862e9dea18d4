package dev.fieldguide.orders.catalog;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The product cache, loading through the repository on a miss. */
@Configuration(proxyBeanMethods = false)
class ProductCacheConfiguration {

  @Bean
  ProductCache productCache(RedissonClient redisson, ProductRepository products, JsonMapper json,
      @Value("${fieldguide.cache.products.ttl:PT10M}") Duration ttl, MeterRegistry meters) {
    return new ProductCache(redisson, id -> products.findById(id).map(ProductResponse::of), json,
        ttl, meters);
  }
}
