package dev.fieldguide.orders.observability;

import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * A health indicator answered from memory: its check (Boot's own indicator for the database or
 * Redis) runs on {@link ScheduledSamples}' schedule, so a probe or {@code /actuator/health} never
 * waits for a connection or a round trip. A check that has not answered for longer than
 * {@code staleAfter} (one stuck waiting for a pool connection, say) is reported DOWN.
 */
final class SampledHealth implements HealthIndicator {

  private final SampledValue<Health> check;
  private final Duration staleAfter;

  SampledHealth(SampledValue<Health> check, Duration staleAfter) {
    this.check = check;
    this.staleAfter = staleAfter;
  }

  @Override
  public Health health() {
    Health last = check.latest();
    if (last == null) {
      return Health.down().withDetail("reason", "not checked yet").build();
    }
    double age = check.ageSeconds();
    if (age > staleAfter.toMillis() / 1000.0) {
      return Health.down()
          .withDetail("reason", "the last check answered %.0f s ago".formatted(age)).build();
    }
    return last;
  }
}
