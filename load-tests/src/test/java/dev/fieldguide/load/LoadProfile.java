package dev.fieldguide.load;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.incrementUsersPerSec;

import io.gatling.javaapi.core.ClosedInjectionStep;
import io.gatling.javaapi.core.OpenInjectionStep;
import java.time.Duration;
import java.util.Locale;

/**
 * The one place a profile becomes an injection shape: {@code FIELDGUIDE_LOAD_PROFILE} picks
 * {@code smoke} (CI: seconds, a low rate), {@code load} (the default), {@code stress} (the rate
 * stepped up to saturation) or {@code soak} (long, moderate). {@code FIELDGUIDE_LOAD_RATE} (a
 * scenario's arrivals per second; in {@code stress}, the first step's and each step's increment),
 * {@code FIELDGUIDE_LOAD_SECONDS} (the whole run; in {@code stress}, each step) and
 * {@code FIELDGUIDE_LOAD_STEPS} override the profile's figures. Simulations scale the rate by a
 * factor of their own (a burst is a multiple, a write path a fraction) and never build arrivals
 * themselves.
 */
enum LoadProfile {
  /** A handful of requests to a service that has just started: p99 bounds 10x looser. */
  SMOKE(5, 5, 1, 10), LOAD(50, 60, 1, 1),
  /** Meant to break the SLOs (it looks for saturation): no p99 or error bound asserted. */
  STRESS(50, 20, 5, 0), SOAK(20, 1800, 1, 1);

  private final double rate;
  private final long seconds;
  private final int steps;
  private final int sloFactor;

  LoadProfile(double rate, long seconds, int steps, int sloFactor) {
    this.rate = rate;
    this.seconds = seconds;
    this.steps = steps;
    this.sloFactor = sloFactor;
  }

  /** The profile this run uses. */
  static LoadProfile current() {
    return valueOf(Traffic.setting("FIELDGUIDE_LOAD_PROFILE", "load").toUpperCase(Locale.ROOT));
  }

  /** Arrivals per second of the first (or only) step, before a simulation's factor. */
  double rate() {
    return Double.parseDouble(Traffic.setting("FIELDGUIDE_LOAD_RATE", String.valueOf(rate)));
  }

  /** How long the run (in {@code stress}: each step) lasts. */
  Duration duration() {
    return Duration
        .ofSeconds(
            Long.parseLong(Traffic.setting("FIELDGUIDE_LOAD_SECONDS", String.valueOf(seconds))));
  }

  int steps() {
    return Integer.parseInt(Traffic.setting("FIELDGUIDE_LOAD_STEPS", String.valueOf(steps)));
  }

  /** Users arriving at {@code factor} times the profile's rate, stepped in {@code stress}. */
  OpenInjectionStep arrivals(double factor) {
    double perSecond = Math.max(rate() * factor, 0.1);
    if (steps() == 1) {
      return constantUsersPerSec(perSecond).during(duration());
    }
    return incrementUsersPerSec(perSecond).times(steps()).eachLevelLasting(duration())
        .startingFrom(perSecond);
  }

  /**
   * {@code concurrent} requests in flight at all times for the profile's whole duration: as fast
   * as the service answers, so a burst cannot overload it into failing open.
   */
  ClosedInjectionStep burst(int concurrent) {
    return constantConcurrentUsers(concurrent).during(duration().multipliedBy(steps()));
  }

  /** Whether SLOs are asserted: a stress run is meant to break them, so only invariants count. */
  boolean assertsSlo() {
    return sloFactor > 0;
  }

  /** A p99 bound stated for the {@code load} profile, as this profile asserts it. */
  int p99Millis(int atLoad) {
    return atLoad * sloFactor;
  }

  /** How many of something a run does (rounds, keys, pages), scaled like its arrivals. */
  int scaled(int atLoad) {
    return (int) Math.max(1, Math.round(atLoad * rate() / LOAD.rate));
  }
}
