package dev.fieldguide.orders.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Primary;

/**
 * The application's {@link Clock} in integration tests (freezegun's {@code freeze_time}): it
 * follows the system clock until a test freezes it, then moves only when the test says so.
 *
 * <p>{@link IntegrationTest} registers it as the primary {@code Clock} bean of the shared context,
 * and {@link TestClockExtension} hands it to a test as a parameter and resets it after each test,
 * so a frozen clock never leaks into the next one. The system's clock goes on running for what
 * the application does not read from the bean: PostgreSQL's {@code now()}, Redis TTLs, Quartz.
 */
@TestComponent
@Primary
public final class TestClock extends Clock {

  private volatile @Nullable Instant frozenAt;

  /** Stops the clock at {@code instant}; {@link #instant()} answers it until told otherwise. */
  public TestClock freezeAt(Instant instant) {
    frozenAt = instant;
    return this;
  }

  /** Stops the clock at the system's current instant, truncated to microseconds as PostgreSQL. */
  public TestClock freeze() {
    return freezeAt(Instant.now().truncatedTo(ChronoUnit.MICROS));
  }

  /** Moves a frozen clock forward by {@code step}. */
  public TestClock advance(Duration step) {
    Instant now = frozenAt;
    if (now == null) {
      throw new IllegalStateException("Freeze the clock before advancing it");
    }
    frozenAt = now.plus(step);
    return this;
  }

  /** Back to following the system clock. */
  void reset() {
    frozenAt = null;
  }

  @Override
  public Instant instant() {
    Instant now = frozenAt;
    return now != null ? now : Instant.now();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return zone.equals(ZoneOffset.UTC) ? this : new InZone(this, zone);
  }

  /** This clock seen from another zone: same instants, frozen or not. */
  private static final class InZone extends Clock {
    private final TestClock source;
    private final ZoneId zone;

    InZone(TestClock source, ZoneId zone) {
      this.source = source;
      this.zone = zone;
    }

    @Override
    public Instant instant() {
      return source.instant();
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
      return source.withZone(other);
    }
  }
}
