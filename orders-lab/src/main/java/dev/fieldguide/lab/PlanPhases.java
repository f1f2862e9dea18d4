package dev.fieldguide.lab;

import dev.fieldguide.fixtures.plans.PlanSummary;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Lab phases made from a plan: the node chain, the scan's rows and the execution time. */
final class PlanPhases {

  private PlanPhases() {}

  /** A phase showing {@code plan}; {@code relation} is the table whose scan is reported. */
  static LabReport.Phase of(String name, PlanSummary plan, String relation, String expected,
      boolean passed) {
    return of(name, plan, relation, Map.of(), expected, passed);
  }

  /** As above, with {@code extra} values measured alongside. */
  static LabReport.Phase of(String name, PlanSummary plan, String relation,
      Map<String, Object> extra, String expected, boolean passed) {
    Map<String, Object> measured = new LinkedHashMap<>();
    measured.put("plan", String.join(" > ", plan.nodeTypes()));
    plan.nodes().stream().filter(n -> n.index() != null).findFirst()
        .ifPresent(n -> measured.put("index", n.index()));
    plan.scanOf(relation).ifPresent(scan -> {
      measured.put("estimated rows", Math.round(scan.estimatedRows()));
      measured.put("actual rows", Math.round(scan.actualRows() * scan.loops()));
    });
    measured.put("execution ms", String.format(Locale.ROOT, "%.2f", plan.executionMillis()));
    measured.putAll(extra);
    return new LabReport.Phase(name, measured, expected, passed);
  }
}
