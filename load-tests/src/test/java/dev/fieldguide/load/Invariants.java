package dev.fieldguide.load;

import static io.gatling.javaapi.core.CoreDsl.asLongAsDuring;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import java.time.Duration;
import java.util.function.DoublePredicate;

/**
 * A pattern's invariant, checked after the load through the service's API: one user runs the
 * checks once the load has ended ({@code andThen}), each check a request in the group
 * {@value #GROUP}, and {@link #hold()} asserts that none failed. A broken invariant is then a
 * failed Gatling assertion like a broken SLO: the report is still written, the next simulation of
 * a multi-simulation run still runs, and the run's exit code is non-zero (an exception thrown from
 * {@code after()} would instead abort the run without a report).
 */
final class Invariants {

  static final String GROUP = "invariants";
  private static final Duration POLL = Duration.ofMillis(500);

  private Invariants() {}

  /** The checks, run by one user after {@code load} has ended. */
  static PopulationBuilder after(PopulationBuilder load, String name, ChainBuilder checks) {
    return load.andThen(scenario(name + " invariants").exec(group(GROUP).on(checks))
        .injectOpen(atOnceUsers(1)));
  }

  /** Prints what an invariant measured, one line, for the run's console and CI's log. */
  static void report(String simulation, String measured) {
    System.out.println("invariant " + simulation + ": " + measured);
  }

  /** No check of the invariants failed. */
  static Assertion hold() {
    return details(GROUP).failedRequests().count().is(0L);
  }

  /**
   * Reads a meter until {@code done} holds for its value, for at most {@code timeout}: the wait
   * for asynchronous work (a relay, a job queue) to drain before its counts are compared.
   */
  static ChainBuilder awaitMeter(DoublePredicate done, Duration timeout, String name,
      String... tags) {
    return exec(session -> session.set("drained", false))
        .exec(asLongAsDuring(session -> !session.getBoolean("drained"), timeout).on(
            exec(Meters.read("await " + name, name, tags).check(Meters.value().saveAs("awaited")))
                .exec(session -> session.set("drained", done.test(session.getDouble("awaited"))))
                .doIf(session -> !session.getBoolean("drained")).then(pause(POLL))));
  }
}
