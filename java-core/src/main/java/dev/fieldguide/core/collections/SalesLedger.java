package dev.fieldguide.core.collections;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedSet;

/**
 * The seed's four containers answered on one list of sales: each method picks the collection whose
 * guarantees fit the job, and says which guarantee it relies on.
 */
public final class SalesLedger {

  private final List<Sale> sales;

  /** {@code List.copyOf}: the ledger keeps its own unmodifiable snapshot of the caller's list. */
  public SalesLedger(List<Sale> sales) {
    this.sales = List.copyOf(sales);
  }

  /** list: ordered and mutable — a working copy to append to and sort. */
  public List<Sale> largestFirst() {
    List<Sale> sorted = new ArrayList<>(sales);
    sorted.sort(Comparator.comparing(Sale::amount).reversed());
    return sorted;
  }

  /** set: duplicates vanish; the linked variant keeps first-seen order for stable output. */
  public SequencedSet<String> uniqueCustomers() {
    SequencedSet<String> customers = new LinkedHashSet<>();
    sales.forEach(sale -> customers.add(sale.customer()));
    return customers;
  }

  /** dict: {@code totals[c] = totals.get(c, 0) + amount} is one {@code Map.merge} call. */
  public Map<String, BigDecimal> totalsByCustomer() {
    Map<String, BigDecimal> totals = new LinkedHashMap<>();
    sales.forEach(sale -> totals.merge(sale.customer(), sale.amount(), BigDecimal::add));
    return totals;
  }

  /** tuple as dict key: a record key groups by customer and day together. */
  public Map<CustomerDay, BigDecimal> totalsByCustomerDay() {
    Map<CustomerDay, BigDecimal> totals = new LinkedHashMap<>();
    sales.forEach(sale -> totals.merge(new CustomerDay(sale.customer(), sale.day()), sale.amount(),
        BigDecimal::add));
    return totals;
  }
}
