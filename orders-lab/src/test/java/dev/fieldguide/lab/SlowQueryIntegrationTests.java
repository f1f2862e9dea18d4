package dev.fieldguide.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.fixtures.plans.PlanSummary;
import dev.fieldguide.orders.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * PG1: the slow query's plans, read the way a person reads them. Before: a guessed estimate, a
 * full scan and a sort. After ANALYZE: a true estimate, same plan. After the index: 20 rows read.
 */
@IntegrationTest
class SlowQueryIntegrationTests {

  @Autowired
  SlowQueryWalkthrough walkthrough;

  @Test
  void theFixIsProvenFromThePlans() {
    List<SlowQueryWalkthrough.Step> steps = walkthrough.run();
    PlanSummary guessed = steps.get(0).plan();
    PlanSummary analyzed = steps.get(1).plan();
    PlanSummary indexed = steps.get(2).plan();

    assertThat(guessed.nodeTypes()).as(guessed.render()).contains("Seq Scan", "Sort");
    assertThat(guessed.misestimate("slow_orders")).as(guessed.render()).isGreaterThan(10);

    assertThat(analyzed.misestimate("slow_orders")).as(analyzed.render()).isLessThan(2);
    assertThat(analyzed.nodeTypes()).as(analyzed.render()).contains("Seq Scan", "Sort");

    assertThat(indexed.usesIndex(SlowQueryWalkthrough.INDEX)).as(indexed.render()).isTrue();
    assertThat(indexed.hasNode("Sort")).as(indexed.render()).isFalse();
    assertThat(indexed.rowsReadFrom("slow_orders")).as(indexed.render()).isEqualTo(20);
  }
}
