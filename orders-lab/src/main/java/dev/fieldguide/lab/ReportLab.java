package dev.fieldguide.lab;

import dev.fieldguide.fixtures.plans.ExplainService;
import dev.fieldguide.fixtures.plans.PlanSummary;
import dev.fieldguide.orders.reporting.DailySalesReport;
import dev.fieldguide.orders.reporting.DailySalesView;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * PG8 lab: one report question — daily sales per product for the busiest month — answered from
 * the materialized view and from the live tables, side by side in one run; then readers during
 * a held refresh (plain against CONCURRENTLY) and during the service's refreshes.
 */
@Component
class ReportLab implements Lab {

  private static final int RUNS = 7;
  /** The lab's comparison, not a service path: the view's definition run over the live rows. */
  static final String LIVE = """
      SELECT (o.created_at AT TIME ZONE 'UTC')::date AS day, l.product_id, count(*) AS orders,
             sum(l.quantity) AS units, sum(l.quantity * l.unit_price_cents) AS revenue_cents
      FROM orders o JOIN order_lines l ON l.order_id = o.id
      WHERE o.status <> 'CANCELLED' AND o.created_at >= ? AND o.created_at < ?
      GROUP BY 1, 2 ORDER BY 1, 2
      """;

  private final DailySalesView view;
  private final RefreshUnderReads readers;
  private final ExplainService explain;
  private final JdbcClient jdbc;

  ReportLab(DailySalesView view, RefreshUnderReads readers, ExplainService explain,
      JdbcClient jdbc) {
    this.view = view;
    this.readers = readers;
    this.explain = explain;
    this.jdbc = jdbc;
  }

  @Override
  public String name() {
    return "report";
  }

  @Override
  public String claim() {
    return "a report read from the refreshed materialized view gives the live aggregate's answer"
        + " for a fraction of its cost, and refreshing it CONCURRENTLY blocks no reader";
  }

  @Override
  public void run(URI base, Phases phases) {
    long orders = jdbc.sql("SELECT count(*) FROM orders").query(Long.class).single();
    DailySalesView.Refresh refresh = view.refresh();
    phases.add(new LabReport.Phase("refresh", values("orders", orders, "concurrently",
        refresh.concurrently(), "ms", refresh.durationMillis()), "the view refreshes", true));

    LocalDate from = busiestMonth();
    LocalDate to = from.plusMonths(1).minusDays(1);
    Object[] viewArgs = {from, to};
    Object[] liveArgs = {from.atStartOfDay().atOffset(ZoneOffset.UTC),
        to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC)};
    List<String> fromView = rows(DailySalesReport.ALL_PRODUCTS, viewArgs);
    List<String> live = rows(LIVE, liveArgs);
    phases.add(new LabReport.Phase("same answer for " + from + " .. " + to,
        values("view rows", fromView.size(), "live rows", live.size()),
        "the view's rows equal the live aggregate's", !live.isEmpty() && fromView.equals(live)));

    double[] medians = timeSideBySide(viewArgs, liveArgs);
    PlanSummary livePlan = explain.explainAnalyze(LIVE, liveArgs);
    PlanSummary viewPlan = explain.explainAnalyze(DailySalesReport.ALL_PRODUCTS, viewArgs);
    phases.add(planPhase("live aggregate", medians[1], livePlan, "orders"));
    phases.add(planPhase("view read", medians[0], viewPlan, "daily_product_sales"));
    double ratio = Math.round(medians[0] / Math.max(medians[1], 0.001) * 1000) / 1000.0;
    // The time budget is DESIGN §8's, at its size. On a small database (CI seeds 2,000 orders)
    // both reads take a few ms, round trips dominate and wall time is noise on a shared machine,
    // so there the check is the deterministic reason the view wins: it reads fewer rows.
    long viewRows = viewPlan.rowsReadFrom("daily_product_sales");
    long liveRows = livePlan.rowsReadFrom("orders");
    boolean atBudgetSize = orders >= 1_000_000;
    phases.add(new LabReport.Phase("view / live (median wall time, same run)",
        values("ratio", ratio, "view rows read", viewRows, "live rows read", liveRows),
        atBudgetSize
            ? "ratio <= 0.1 at 1,000,000 orders (DESIGN §8)"
            : "the view reads fewer rows than the live aggregate (the 0.1 budget applies from"
                + " 1,000,000 orders)",
        atBudgetSize ? ratio <= 0.1 : viewRows < liveRows));
    phases.chart(LabChart.bars("Median wall time of the report (same run)", "ms",
        sideBySide(medians[0], medians[1])));
    phases.chart(LabChart.bars("Rows read for the report (EXPLAIN ANALYZE)", "rows",
        sideBySide(viewRows, liveRows)));

    RefreshUnderReads.Outcome plain = readers.whileHeld(false);
    RefreshUnderReads.Outcome concurrent = readers.whileHeld(true);
    phases.add(new LabReport.Phase("readers during a held refresh (100 ms lock_timeout)",
        values("plain failed", plain.failed() + "/" + plain.reads(), "concurrently failed",
            concurrent.failed() + "/" + concurrent.reads()),
        "a plain REFRESH blocks every reader; CONCURRENTLY none",
        plain.failed() == plain.reads() && concurrent.failed() == 0));

    RefreshUnderReads.Outcome loop = readers.whileRefreshing(from, to, Duration.ofSeconds(2));
    phases.add(new LabReport.Phase("report reads while the service refreshes",
        values("refreshes", loop.refreshes(), "reads", loop.reads(), "failed", loop.failed(),
            "slowest ms", loop.slowestMillis()),
        "0 blocked or failed reads", loop.failed() == 0 && loop.reads() > 0));
  }

  /** The first day of the calendar month with the most units sold, per the view. */
  private LocalDate busiestMonth() {
    return jdbc.sql("""
        SELECT date_trunc('month', day)::date FROM daily_product_sales
        GROUP BY 1 ORDER BY sum(units) DESC, 1 LIMIT 1
        """).query(LocalDate.class).optional()
        .orElse(LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1));
  }

  /** Median wall time in ms of the view read [0] and the live aggregate [1], runs interleaved. */
  private double[] timeSideBySide(Object[] viewArgs, Object[] liveArgs) {
    List<Double> viewMillis = new ArrayList<>();
    List<Double> liveMillis = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      viewMillis.add(millis(() -> rows(DailySalesReport.ALL_PRODUCTS, viewArgs)));
      liveMillis.add(millis(() -> rows(LIVE, liveArgs)));
    }
    return new double[]{median(viewMillis), median(liveMillis)};
  }

  private List<String> rows(String sql, Object[] args) {
    return jdbc.sql(sql).params(args).query((rs, row) -> rs.getObject(1, LocalDate.class) + "/"
        + rs.getLong(2) + "/" + rs.getLong(3) + "/" + rs.getLong(4) + "/" + rs.getLong(5))
        .list();
  }

  private static double millis(Runnable query) {
    long start = System.nanoTime();
    query.run();
    return (System.nanoTime() - start) / 1_000_000.0;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return Math.round(sorted.get(sorted.size() / 2) * 100) / 100.0;
  }

  private static LabReport.Phase planPhase(String name, double medianMillis, PlanSummary plan,
      String relation) {
    return new LabReport.Phase(name, values("median ms", medianMillis, "rows read",
        plan.rowsReadFrom(relation), "plan", plan.nodes().stream()
            .map(n -> n.type() + (n.index() != null
                ? "(" + n.index() + ")"
                : n.relation() != null ? "(" + n.relation() + ")" : ""))
            .collect(Collectors.joining(" > "))),
        "plan summary (EXPLAIN ANALYZE)", true);
  }

  private static Map<String, Number> sideBySide(Number fromView, Number live) {
    Map<String, Number> bars = new LinkedHashMap<>();
    bars.put("view read", fromView);
    bars.put("live aggregate", live);
    return bars;
  }

  private static Map<String, Object> values(Object... pairs) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      values.put((String) pairs[i], pairs[i + 1]);
    }
    return values;
  }
}
