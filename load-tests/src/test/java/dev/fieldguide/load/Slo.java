package dev.fieldguide.load;

import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;

import io.gatling.javaapi.core.Assertion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A simulation's assertions: per request name, p99 under its bound (stated for the {@code load}
 * profile, scaled by {@link LoadProfile#p99Millis}) and under 1 % failed, plus under 1 % failed
 * overall, and the invariants held where they are checked after the load. A {@code stress} run
 * asserts the invariants only.
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
    if (!profile.assertsSlo()) {
      return assertions;
    }
    p99Millis.forEach((request, millis) -> {
      assertions.add(details(request).responseTime().percentile(99).lt(profile.p99Millis(millis)));
      assertions.add(details(request).failedRequests().percent().lt(1.0));
    });
    assertions.add(global().failedRequests().percent().lt(1.0));
    return assertions;
  }
}
