package dev.fieldguide.lab;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What a lab measured: named phases, each with values and an observation that held or not. */
public record LabReport(String lab, String claim, List<Phase> phases) {

  /** One step of a lab: what was measured and whether the expected observation held. */
  public record Phase(String name, Map<String, Object> measured, String observation,
      boolean passed) {}

  public boolean passed() {
    return !phases.isEmpty() && phases.stream().allMatch(Phase::passed);
  }

  /** The text the {@code ./lab} script prints; its last line is what the script checks. */
  public String render() {
    var out = new StringBuilder("lab ").append(lab).append(" — ").append(claim).append('\n');
    for (Phase phase : phases) {
      out.append(phase.passed() ? "  [PASS] " : "  [FAIL] ").append(phase.name()).append('\n')
          .append("         measured: ").append(phase.measured().entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")))
          .append('\n').append("         expected: ").append(phase.observation()).append('\n');
    }
    long held = phases.stream().filter(Phase::passed).count();
    return out.append("result: ").append(passed() ? "PASS" : "FAIL").append(" (").append(held)
        .append('/').append(phases.size()).append(" observations held)\n").toString();
  }
}
