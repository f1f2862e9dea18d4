package dev.fieldguide.lab;

import dev.fieldguide.fixtures.wrongway.NPlusOneOrderListing;
import dev.fieldguide.orders.orders.OrderFilter;
import dev.fieldguide.orders.orders.OrderListing;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * D1/D2 lab: the newest orders with customer, lines and products, loaded three ways — the naive
 * loop, the same loop with batch fetching, and the fetch plan the endpoint uses — at page sizes
 * 50 and 100, counting the statements each one sends.
 */
@Component
class NPlusOneLab implements Lab {

  private static final int BATCH_SIZE = 100;
  private static final int BUDGET = 3;

  private final NPlusOneOrderListing naive;
  private final OrderListing listing;

  NPlusOneLab(NPlusOneOrderListing naive, OrderListing listing) {
    this.naive = naive;
    this.listing = listing;
  }

  @Override
  public String name() {
    return "n-plus-one";
  }

  @Override
  public String claim() {
    return "a page of orders costs " + BUDGET
        + " statements or fewer with a fetch plan, whatever its size; a naive loop costs 1 + N + N";
  }

  @Override
  public void run(URI base, Phases phases) {
    List<String> sizes = new ArrayList<>();
    List<Integer> loops = new ArrayList<>();
    List<Integer> batches = new ArrayList<>();
    List<Integer> planned = new ArrayList<>();
    for (int size : new int[]{50, 100}) {
      var loop = StatementTally.count(() -> naive.newest(size, 1));
      var batched = StatementTally.count(() -> naive.newest(size, BATCH_SIZE));
      var plan = StatementTally.count(() -> listing.list(OrderFilter.NONE, size, null));
      int orders = loop.result().size();
      sizes.add("page " + size);
      loops.add(loop.statements());
      batches.add(batched.statements());
      planned.add(plan.statements());
      phases.add(phase("naive loop, page " + size, loop, orders,
          "at least 1 + N statements (one per order's lines, plus customers and products)",
          loop.statements() >= 1 + orders));
      phases.add(phase("batch fetching (size " + BATCH_SIZE + "), page " + size, batched, orders,
          "fewer than the naive loop, still one query per association touched",
          batched.statements() < loop.statements()));
      phases.add(phase("fetch plan (endpoint), page " + size, plan, plan.result().items().size(),
          "at most " + BUDGET + " statements", plan.statements() <= BUDGET));
    }
    Map<String, List<? extends Number>> strategies = new LinkedHashMap<>();
    strategies.put("naive loop", loops);
    strategies.put("batch fetching", batches);
    strategies.put("fetch plan", planned);
    phases.chart(LabChart.groupedBars("Statements per page of orders", "page size", "statements",
        sizes, strategies));
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("page 50", planned.get(0));
    counts.put("page 100", planned.get(1));
    phases.add(new LabReport.Phase("page size does not change the plan's cost", counts,
        "same statement count for 50 and 100", planned.get(0).equals(planned.get(1))));
  }

  private static LabReport.Phase phase(String name, StatementTally.Counted<?> counted, int orders,
      String expected, boolean held) {
    Map<String, Object> measured = new LinkedHashMap<>();
    measured.put("orders", orders);
    measured.put("statements", counted.statements());
    measured.put("ms", Math.round(counted.millis() * 10) / 10.0);
    return new LabReport.Phase(name, measured, expected, held);
  }
}
