package dev.fieldguide.lab;

import dev.fieldguide.fixtures.plans.ExplainService;
import dev.fieldguide.fixtures.plans.PlanSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PG1, a slow query found and fixed, step by step: "a customer's 20 newest orders" on a table where
 * one customer owns half the rows. Each step runs {@code EXPLAIN (ANALYZE, BUFFERS)} on the same
 * query and keeps the plan:
 *
 * <ol>
 *   <li><b>no statistics, no index</b>: the planner guesses 0.5% of rows match (its default for
 *       an equality it knows nothing about) while half do; it scans the whole table and sorts;
 *   <li><b>after {@code ANALYZE}</b>: the estimate is right (the customer is in the most common
 *       values), the plan still scans and sorts: statistics fix estimates, not missing indexes;
 *   <li><b>after {@code CREATE INDEX ... (customer_id, created_at DESC)}</b>: the index has the
 *       filter column first and the sort after it, so the plan reads 20 entries and stops.
 * </ol>
 *
 * <p>Everything happens in one transaction on a temporary table that is rolled back: nothing is
 * left behind, and autovacuum never analyses temporary tables, so step 1 really has no statistics.
 */
@Component
public class SlowQueryWalkthrough {

  public static final String QUERY = """
      SELECT id, total_cents, created_at FROM slow_orders
      WHERE customer_id = ? ORDER BY created_at DESC LIMIT 20
      """;
  public static final String INDEX = "slow_orders_customer_created_at_idx";
  /** The customer who owns every second order. */
  public static final long BIG_CUSTOMER = 1;
  static final int ROWS = 200_000;

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final ExplainService explain;

  SlowQueryWalkthrough(JdbcClient jdbc, TransactionTemplate transactions,
      ExplainService explain) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.explain = explain;
  }

  /** One step: what was done before the query ran, and the plan it got. */
  public record Step(String title, PlanSummary plan) {}

  public List<Step> run() {
    return Objects.requireNonNull(transactions.execute(status -> {
      status.setRollbackOnly();
      List<Step> steps = new ArrayList<>();
      jdbc.sql("""
          CREATE TEMP TABLE slow_orders ON COMMIT DROP AS
          SELECT g AS id,
                 CASE WHEN g % 2 = 0 THEN 1 ELSE 2 + g % 10000 END AS customer_id,
                 g % 10000 AS total_cents,
                 timestamptz '2025-01-01' + g * interval '1 minute' AS created_at
          FROM generate_series(1, ?) AS g
          """).param(ROWS).update();
      steps.add(step("no statistics, no index"));
      jdbc.sql("ANALYZE slow_orders").update();
      steps.add(step("after ANALYZE"));
      jdbc.sql("CREATE INDEX " + INDEX + " ON slow_orders (customer_id, created_at DESC)")
          .update();
      steps.add(step("after CREATE INDEX (customer_id, created_at DESC)"));
      return List.copyOf(steps);
    }));
  }

  private Step step(String title) {
    return new Step(title, explain.explainAnalyze(QUERY, BIG_CUSTOMER));
  }
}
