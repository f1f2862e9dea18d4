package dev.fieldguide.lab;

import dev.fieldguide.fixtures.plans.PlanSummary;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code ./lab explain}: PG1's slow query, the plan that shows why, and the plan after the fix. */
@Component
class ExplainLab implements Lab {

  private final SlowQueryWalkthrough walkthrough;

  ExplainLab(SlowQueryWalkthrough walkthrough) {
    this.walkthrough = walkthrough;
  }

  @Override
  public String name() {
    return "explain";
  }

  @Override
  public String claim() {
    return "the plan shows why a query is slow (a guessed estimate, a full scan, a sort);"
        + " ANALYZE fixes the estimate, the right index fixes the plan";
  }

  @Override
  public void run(URI base, Phases phases) {
    List<SlowQueryWalkthrough.Step> steps = walkthrough.run();
    PlanSummary guessed = steps.get(0).plan();
    PlanSummary analyzed = steps.get(1).plan();
    PlanSummary indexed = steps.get(2).plan();
    double guessedMiss = guessed.misestimate("slow_orders");
    double analyzedMiss = analyzed.misestimate("slow_orders");
    double speedUp = guessed.executionMillis() / Math.max(indexed.executionMillis(), 0.001);
    Map<String, Object> ratios = new LinkedHashMap<>();
    ratios.put("estimate off by (before ANALYZE)", format(guessedMiss) + "x");
    ratios.put("estimate off by (after ANALYZE)", format(analyzedMiss) + "x");
    ratios.put("execution before/after index", format(speedUp) + "x");
    phases.add(PlanPhases.of("1. " + steps.get(0).title(), guessed, "slow_orders",
        "sequential scan and sort; the estimate is a guess, off by 10x or more",
        guessed.hasNode("Seq Scan") && guessed.hasNode("Sort") && guessedMiss >= 10));
    phases.add(PlanPhases.of("2. " + steps.get(1).title(), analyzed, "slow_orders",
        "the estimate is within 2x of the actual rows; still a scan and a sort",
        analyzedMiss <= 2 && analyzed.hasNode("Sort")));
    phases.add(PlanPhases.of("3. " + steps.get(2).title(), indexed, "slow_orders",
        "index scan, no sort, 20 rows read",
        indexed.usesIndex(SlowQueryWalkthrough.INDEX) && !indexed.hasNode("Sort")
            && indexed.rowsReadFrom("slow_orders") <= 20));
    phases.add(new LabReport.Phase("what the fix bought", ratios,
        "the indexed plan runs at least 10x faster than the first", speedUp >= 10));
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
