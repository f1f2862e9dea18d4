package dev.fieldguide.lab;

import dev.fieldguide.fixtures.wrongway.OffsetOrderListing;
import dev.fieldguide.fixtures.plans.ExplainService;
import dev.fieldguide.fixtures.plans.PlanSummary;
import dev.fieldguide.orders.orders.OrderFilter;
import dev.fieldguide.orders.orders.OrderListing;
import dev.fieldguide.orders.orders.OrderPosition;
import dev.fieldguide.orders.orders.OrderResponse;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * PG3 lab: page 1 against the deepest page for OFFSET and keyset on the data the service holds,
 * with the plan of each, then a short walk while new orders arrive between pages.
 */
@Component
class PaginationLab implements Lab {

  private static final int LIMIT = 20;
  private static final int RUNS = 7;
  /** Steps from page 1 to the deepest page: DEPTHS + 1 depths measured. */
  private static final int DEPTHS = 5;
  private static final int WALK_PAGES = 10;
  static final String KEYSET_FIRST = "SELECT id FROM orders ORDER BY created_at DESC, id DESC LIMIT ?";
  private static final String KEYSET_NEXT = "SELECT id FROM orders WHERE (created_at, id) < (?, ?)"
      + " ORDER BY created_at DESC, id DESC LIMIT ?";
  static final String KEYSET_INDEX = "orders_created_at_id_idx";

  private final ExplainService explain;
  private final JdbcClient jdbc;
  private final OrderListing listing;
  private final OffsetOrderListing offsetListing;

  PaginationLab(ExplainService explain, JdbcClient jdbc, OrderListing listing,
      OffsetOrderListing offsetListing) {
    this.explain = explain;
    this.jdbc = jdbc;
    this.listing = listing;
    this.offsetListing = offsetListing;
  }

  @Override
  public String name() {
    return "pagination";
  }

  @Override
  public String claim() {
    return "a keyset page costs the same at any depth and never repeats rows; OFFSET reads every"
        + " row before the page";
  }

  @Override
  public void run(URI base, Phases phases) {
    long total = jdbc.sql("SELECT count(*) FROM orders").query(Long.class).single();
    long depth = Math.max(0, total - LIMIT);

    // Page 1, the deepest page and a few depths between, so the chart's lines have a shape.
    List<Long> depths = LongStream.rangeClosed(0, DEPTHS).map(step -> depth * step / DEPTHS)
        .distinct().boxed().toList();
    List<Measured> offsets = new ArrayList<>();
    List<Measured> keysets = new ArrayList<>();
    for (long skipped : depths) {
      offsets.add(measure(() -> explain.explainAnalyze(OffsetOrderListing.PAGE_SQL, skipped,
          LIMIT)));
      keysets.add(keysetAt(skipped));
      phases.progress("depths measured", offsets.size(), depths.size());
    }
    Measured offsetFirst = offsets.getFirst();
    Measured offsetDeep = offsets.getLast();
    Measured keysetFirst = keysets.getFirst();
    Measured keysetDeep = keysets.getLast();

    phases.add(phase("OFFSET page 1", offsetFirst, "reads about one page of rows",
        offsetFirst.plan().rowsReadFrom("orders") <= LIMIT));
    phases.add(phase("OFFSET page at depth " + depth, offsetDeep,
        "reads every row before the page (>= " + depth + ")",
        offsetDeep.plan().rowsReadFrom("orders") >= depth));
    phases.add(phase("keyset page 1", keysetFirst, "index scan, no sort",
        keysetFirst.plan().usesIndex(KEYSET_INDEX) && !keysetFirst.plan().hasNode("Sort")));
    // The deepest page is the last one: only one page of rows is left after its key, and the
    // planner may fetch them through a bitmap of the same index and sort those few. Either way
    // it reads one page, which is the claim.
    phases.add(phase("keyset page at depth " + depth, keysetDeep,
        "the keyset index, reads at most one page of rows",
        keysetDeep.plan().usesIndex(KEYSET_INDEX)
            && keysetDeep.plan().rowsReadFrom("orders") <= LIMIT));

    Map<String, Object> ratios = new LinkedHashMap<>();
    ratios.put("keyset deep/page1", ratio(keysetDeep, keysetFirst));
    ratios.put("OFFSET deep/page1", ratio(offsetDeep, offsetFirst));
    phases.add(new LabReport.Phase("median latency ratio (server execution time)", ratios,
        "keyset deep page grows less than OFFSET's",
        ratio(keysetDeep, keysetFirst) <= ratio(offsetDeep, offsetFirst)));
    phases.add(byDepth(depths, offsets, keysets));
    Map<String, List<? extends Number>> lines = new LinkedHashMap<>();
    lines.put("OFFSET ms", offsets.stream().map(Measured::medianMillis).toList());
    lines.put("keyset ms", keysets.stream().map(Measured::medianMillis).toList());
    phases.chart(LabChart.lines("Page latency by depth (median server execution time)",
        "rows skipped", "ms", depths, lines));

    phases.add(walkWhileInserting(phases));
  }

  /** The keyset page after {@code skipped} rows: the first page, or the one after that row's key. */
  private Measured keysetAt(long skipped) {
    if (skipped == 0) {
      return measure(() -> explain.explainAnalyze(KEYSET_FIRST, LIMIT));
    }
    Object[] key = positionAt(skipped - 1);
    return measure(() -> explain.explainAnalyze(KEYSET_NEXT, key[0], key[1], LIMIT));
  }

  private static LabReport.Phase byDepth(List<Long> depths, List<Measured> offsets,
      List<Measured> keysets) {
    Map<String, Object> values = new LinkedHashMap<>();
    boolean held = true;
    for (int i = 0; i < depths.size(); i++) {
      long offsetRows = offsets.get(i).plan().rowsReadFrom("orders");
      long keysetRows = keysets.get(i).plan().rowsReadFrom("orders");
      values.put("after " + depths.get(i) + " rows", "OFFSET " + offsets.get(i).medianMillis()
          + " ms (" + offsetRows + " rows read), keyset " + keysets.get(i).medianMillis()
          + " ms (" + keysetRows + " rows read)");
      held &= offsetRows >= depths.get(i) && keysetRows <= LIMIT;
    }
    return new LabReport.Phase("median latency by depth (server execution time)", values,
        "OFFSET reads every row before each page; keyset one page at every depth", held);
  }

  /** Ten pages of 50, one new order arriving before each next page; new orders are removed after. */
  private LabReport.Phase walkWhileInserting(Phases phases) {
    List<Long> inserted = new ArrayList<>();
    List<Long> keyset = new ArrayList<>();
    List<Long> offset = new ArrayList<>();
    try {
      @Nullable OrderPosition after = null;
      for (int page = 0; page < WALK_PAGES; page++) {
        var slice = listing.list(OrderFilter.NONE, 50, after);
        slice.items().stream().map(OrderResponse::id).forEach(keyset::add);
        offset.addAll(offsetListing.ids(page * 50L, 50));
        inserted.add(insertOrder());
        after = slice.next();
        // A walk that runs out of orders early is shorter: its last page is its total.
        phases.progress("walk while orders arrive: pages", page + 1,
            after == null ? page + 1 : WALK_PAGES);
        if (after == null) {
          break;
        }
      }
    } finally {
      inserted.forEach(id -> jdbc.sql("DELETE FROM orders WHERE id = ?").param(id).update());
    }
    long keysetDuplicates = (long) keyset.size() - new HashSet<>(keyset).size();
    long offsetDuplicates = (long) offset.size() - new HashSet<>(offset).size();
    Map<String, Object> measured = new LinkedHashMap<>();
    measured.put("pages", inserted.size());
    measured.put("keyset duplicates", keysetDuplicates);
    measured.put("OFFSET duplicates", offsetDuplicates);
    return new LabReport.Phase("walk while orders arrive", measured,
        "keyset 0 duplicates; OFFSET repeats rows pushed down by new ones",
        keysetDuplicates == 0 && (inserted.size() < 2 || offsetDuplicates > 0));
  }

  private long insertOrder() {
    return jdbc.sql("""
        INSERT INTO orders (customer_id, status, total_cents)
        SELECT id, 'NEW', 0 FROM customers ORDER BY id LIMIT 1 RETURNING id
        """).query(Long.class).single();
  }

  private Object[] positionAt(long offset) {
    return jdbc.sql("SELECT created_at, id FROM orders ORDER BY created_at DESC, id DESC"
        + " OFFSET ? LIMIT 1").param(Math.max(0, offset))
        .query((rs, row) -> new Object[]{
            rs.getTimestamp(1).toInstant().atOffset(ZoneOffset.UTC), rs.getLong(2)})
        .optional().orElse(new Object[]{Instant.now().atOffset(ZoneOffset.UTC), Long.MAX_VALUE});
  }

  private static Measured measure(Supplier<PlanSummary> explainRun) {
    List<PlanSummary> runs = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      runs.add(explainRun.get());
    }
    double median = runs.stream().mapToDouble(PlanSummary::executionMillis).sorted()
        .skip(RUNS / 2).findFirst().orElse(0);
    return new Measured(runs.getLast(), median);
  }

  private static double ratio(Measured deep, Measured first) {
    return Math.round(deep.medianMillis() / Math.max(first.medianMillis(), 0.001) * 10) / 10.0;
  }

  private static LabReport.Phase phase(String name, Measured measured, String expected,
      boolean held) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("median ms", measured.medianMillis());
    values.put("rows read", measured.plan().rowsReadFrom("orders"));
    values.put("nodes", String.join(" > ", measured.plan().nodeTypes()));
    return new LabReport.Phase(name, values, expected, held);
  }

  private record Measured(PlanSummary plan, double medianMillis) {}
}
