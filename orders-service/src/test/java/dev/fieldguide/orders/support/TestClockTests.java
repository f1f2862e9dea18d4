package dev.fieldguide.orders.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The clock the integration tests control: system time until frozen, then only advanced. */
class TestClockTests {

  private static final Instant MIDNIGHT = Instant.parse("2027-03-31T23:59:59Z");

  private final TestClock clock = new TestClock();

  @Test
  void followsTheSystemClockUntilFrozen() {
    Instant before = Instant.now();

    assertThat(clock.instant()).isBetween(before, Instant.now());
  }

  @Test
  void aFrozenClockMovesOnlyWhenAdvanced() {
    clock.freezeAt(MIDNIGHT);

    assertThat(clock.instant()).isEqualTo(MIDNIGHT);
    assertThat(clock.advance(Duration.ofSeconds(1)).instant())
        .isEqualTo(Instant.parse("2027-04-01T00:00:00Z"));
    assertThat(clock.instant()).isEqualTo(Instant.parse("2027-04-01T00:00:00Z"));
  }

  @Test
  void anotherZoneSeesTheSameInstantsFrozenOrAdvanced() {
    var tokyo = clock.freezeAt(MIDNIGHT).withZone(ZoneId.of("Asia/Tokyo"));

    assertThat(LocalDate.now(tokyo)).isEqualTo(LocalDate.parse("2027-04-01"));
    clock.advance(Duration.ofHours(1));
    assertThat(tokyo.instant()).isEqualTo(MIDNIGHT.plus(Duration.ofHours(1)));
  }

  @Test
  void aResetClockFollowsTheSystemClockAgain() {
    clock.freezeAt(MIDNIGHT);
    clock.reset();
    Instant before = Instant.now();

    assertThat(clock.instant()).isBetween(before, Instant.now());
  }

  @Test
  void onlyAFrozenClockCanBeAdvanced() {
    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(1)))
        .isInstanceOf(IllegalStateException.class);
  }
}
