package dev.fieldguide.orders.observability;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.data.redis.health.DataRedisHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * The {@code db} and {@code redis} health indicators, checked every
 * {@code fieldguide.health.samples.interval} in the background instead of on each request to
 * {@code /actuator/health}. Boot's own indicators of the same names back off when these beans
 * exist; these run them on the schedule. Readiness includes {@code db}: a probe reads memory, and
 * still turns DOWN within an interval or two of the database going away.
 */
@Configuration(proxyBeanMethods = false)
class SampledHealthConfiguration {

  /** A schedule of its own: readiness must follow the database within seconds, not a scrape. */
  @Bean
  ScheduledSamples healthSamples(MeterRegistry meters,
      @Value("${fieldguide.health.samples.interval:2s}") Duration interval,
      @Value("${fieldguide.health.samples.timeout:1s}") Duration timeout) {
    return new ScheduledSamples(meters, interval, timeout);
  }

  @Bean
  HealthIndicator dbHealthIndicator(@Qualifier("healthSamples") ScheduledSamples samples,
      DataSource dataSource, @Value("${fieldguide.health.samples.stale-after:5s}") Duration stale) {
    var check = new DataSourceHealthIndicator(dataSource);
    return new SampledHealth(samples.register("health.db", check::health), stale);
  }

  @Bean
  HealthIndicator redisHealthIndicator(@Qualifier("healthSamples") ScheduledSamples samples,
      RedisConnectionFactory redis,
      @Value("${fieldguide.health.samples.stale-after:5s}") Duration stale) {
    var check = new DataRedisHealthIndicator(redis);
    return new SampledHealth(samples.register("health.redis", check::health), stale);
  }
}
