package dev.fieldguide.orders.ratelimit;

import dev.fieldguide.orders.audit.AuditLog;
import dev.fieldguide.orders.web.FilterOrder;
import dev.fieldguide.orders.web.ProblemResponseWriter;
import io.micrometer.core.instrument.MeterRegistry;
import org.redisson.api.RedissonClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The limiter on {@code /api/**} and {@code /graphql}: after authentication (so it can count per
 * caller), before idempotency keys.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
@ConditionalOnBooleanProperty(name = "fieldguide.rate-limit.enabled", matchIfMissing = true)
class RateLimitConfiguration {

  @Bean
  TokenBucket tokenBucket(RedissonClient redisson, MeterRegistry meters) {
    return new TokenBucket(redisson, meters);
  }

  @Bean
  FilterRegistrationBean<RateLimitFilter> rateLimitFilter(TokenBucket buckets, ApiKeys keys,
      RateLimitProperties properties, ProblemResponseWriter problems, AuditLog audit,
      MeterRegistry meters) {
    var registration = FilterOrder.RATE_LIMIT
        .register(new RateLimitFilter(buckets, keys, properties, problems, audit, meters));
    // A rejected request never reaches the app; make sure the counter exists before the first one.
    properties.policies().keySet().forEach(policy -> meters.counter("fieldguide.ratelimit.rejected",
        "policy", policy));
    return registration;
  }

  @Bean
  RateLimitDocs rateLimitDocs(RateLimitProperties properties) {
    return new RateLimitDocs(properties);
  }
}
