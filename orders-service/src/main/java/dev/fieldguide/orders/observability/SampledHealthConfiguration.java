package dev.fieldguide.orders.observability;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import javax.sql.DataSource;
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

  private final ScheduledSamples samples;
  private final Duration staleAfter;

  /** A schedule of its own: readiness must follow the database within seconds, not a scrape. */
  SampledHealthConfiguration(MeterRegistry meters,
      @Value("${fieldguide.health.samples.interval:2s}") Duration interval,
      @Value("${fieldguide.health.samples.timeout:1s}") Duration timeout,
      @Value("${fieldguide.health.samples.stale-after:5s}") Duration staleAfter) {
    this.samples = new ScheduledSamples(meters, interval, timeout);
    this.staleAfter = staleAfter;
  }

  /** Started and stopped with the context, like the metrics' schedule. */
  @Bean
  ScheduledSamples healthSamples() {
    return samples;
  }

  @Bean
  HealthIndicator dbHealthIndicator(DataSource dataSource) {
    return sampled("health.db", new DataSourceHealthIndicator(dataSource));
  }

  @Bean
  HealthIndicator redisHealthIndicator(RedisConnectionFactory redis) {
    return sampled("health.redis", new DataRedisHealthIndicator(redis));
  }

  private HealthIndicator sampled(String name, HealthIndicator check) {
    return new SampledHealth(samples.register(name, check::health), staleAfter);
  }
}
