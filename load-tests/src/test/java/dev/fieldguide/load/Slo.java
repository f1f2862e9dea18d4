package dev.fieldguide.load;

import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;

import io.gatling.javaapi.core.Assertion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A simulation's assertions: per request name, p99 under its bound (in {@code load} and
 * {@code soak}) and under 1 % failed (in every profile but {@code stress}), under 1 % failed
 * overall, and the invariants held where they are checked after the load (in every profile).
 */
final class Slo {

  private Slo() {}

  /** The SLOs of a simulation whose invariants are checked on every response. */
  static List<Assertion> of(Map<String, Integer> p99Millis) {
    return assertions(p99Millis, List.of());
  }

  /** The SLOs and {@link Invariants#hold()}: for a simulation checked after its load. */
  static List<Assertion> withInvariants(Map<String, Integer> p99Millis) {
    return assertions(p99Millis, List.of(Invariants.hold()));
  }

  private static List<Assertion> assertions(Map<String, Integer> p99Millis,
      List<Assertion> invariants) {
    LoadProfile profile = LoadProfile.current();
    List<Assertion> assertions = new ArrayList<>(invariants);
    if (!profile.assertsErrors()) {
      return assertions;
    }
    p99Millis.forEach((request, millis) -> {
      if (profile.assertsLatency()) {
        assertions.add(details(request).responseTime().percentile(99).lt(millis));
      }
      assertions.add(details(request).failedRequests().percent().lt(1.0));
    });
    assertions.add(global().failedRequests().percent().lt(1.0));
    return assertions;
  }
}
