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
  /**
   * A handful of requests to a service that has just started (cold JIT, CI's shared cores): it
   * proves the wiring, so errors and invariants are asserted, latency is not.
   */
  SMOKE(5, 5, 1), LOAD(50, 60, 1),
  /** Meant to break the SLOs (it looks for saturation): only the invariants are asserted. */
  STRESS(50, 20, 5), SOAK(20, 1800, 1);

  private final double rate;
  private final long seconds;
  private final int steps;

  LoadProfile(double rate, long seconds, int steps) {
    this.rate = rate;
    this.seconds = seconds;
    this.steps = steps;
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

  /** Whether the error-ratio SLOs are asserted: not in stress, which looks for the breaking point. */
  boolean assertsErrors() {
    return this != STRESS;
  }

  /** Whether the p99 SLOs are asserted: in the runs long and warm enough to measure latency. */
  boolean assertsLatency() {
    return this == LOAD || this == SOAK;
  }

  /** How many of something a run does (rounds, keys, pages), scaled like its arrivals. */
  int scaled(int atLoad) {
    return (int) Math.max(1, Math.round(atLoad * rate() / LOAD.rate));
  }
}
