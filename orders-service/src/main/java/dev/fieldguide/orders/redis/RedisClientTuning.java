package dev.fieldguide.orders.redis;

import java.time.Duration;
import org.redisson.config.ConstantDelay;
import org.redisson.spring.starter.RedissonAutoConfigurationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How long a Redis call may take before the app gives up on it. Every Redis use here fails open
 * (cache, rate limit, view counters), so a short give-up is what keeps an outage from turning
 * into slow requests: the {@code spring.data.redis.timeout}/{@code connect-timeout} bound one
 * attempt, and this bounds the retries (Redisson's default is four, a second apart).
 */
@Configuration(proxyBeanMethods = false)
class RedisClientTuning {

  @Bean
  RedissonAutoConfigurationCustomizer redisRetries(
      @Value("${fieldguide.redis.retry-attempts:1}") int attempts,
      @Value("${fieldguide.redis.retry-delay:PT0.1S}") Duration delay) {
    return config -> config.useSingleServer().setRetryAttempts(attempts)
        .setRetryDelay(new ConstantDelay(delay));
  }
}
