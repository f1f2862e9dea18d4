package dev.fieldguide.orders.db;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What {@code EXPLAIN (ANALYZE, BUFFERS)} says about one execution, flattened to the facts a
 * reader checks first: which nodes ran, on which index, and rows estimated against rows read.
 */
public record PlanSummary(List<Node> nodes, double planningMillis, double executionMillis) {

  /** One plan node, in depth-first order (the root first). */
  public record Node(int depth, String type, @Nullable String relation, @Nullable String index,
      double estimatedRows, double actualRows, double loops, long sharedHitBlocks,
      long sharedReadBlocks) {}

  public List<String> nodeTypes() {
    return nodes.stream().map(Node::type).toList();
  }

  public boolean hasNode(String type) {
    return nodes.stream().anyMatch(n -> n.type().equals(type));
  }

  /** True when some node scans the named index (Index Scan, Index Only Scan or Bitmap). */
  public boolean usesIndex(String index) {
    return nodes.stream().anyMatch(n -> index.equals(n.index()));
  }

  /** Rows the scans of one relation or index produced: actual rows times loops, summed. */
  public long rowsReadFrom(String relationOrIndex) {
    return Math.round(nodes.stream()
        .filter(n -> relationOrIndex.equals(n.index()) || relationOrIndex.equals(n.relation()))
        .mapToDouble(n -> n.actualRows() * n.loops()).sum());
  }

  /** The first node that reads {@code relation}'s rows (a sequential, index or heap scan). */
  public Optional<Node> scanOf(String relation) {
    return nodes.stream().filter(n -> relation.equals(n.relation())).findFirst();
  }

  /**
   * How far the planner's row estimate for the scan of {@code relation} was from the rows it
   * really produced, as a factor of at least 1 (2.0: twice or half as many). A large factor means
   * the statistics are missing or stale, and every choice built on that estimate is suspect.
   */
  public double misestimate(String relation) {
    return scanOf(relation).map(scan -> {
      double estimated = Math.max(scan.estimatedRows(), 1);
      double actual = Math.max(scan.actualRows() * scan.loops(), 1);
      return Math.max(estimated / actual, actual / estimated);
    }).orElse(Double.POSITIVE_INFINITY);
  }

  /** A compact, indented rendering for labs and failure messages. */
  public String render() {
    return nodes.stream().map(n -> "  ".repeat(n.depth()) + n.type()
        + (n.index() != null
            ? " using " + n.index()
            : n.relation() != null ? " on " + n.relation() : "")
        + String.format(Locale.ROOT,
            " (est %.0f, actual %.0f x %.0f loops, buffers hit %d read %d)",
            n.estimatedRows(), n.actualRows(), n.loops(), n.sharedHitBlocks(),
            n.sharedReadBlocks()))
        .collect(Collectors.joining("\n", "",
            String.format(Locale.ROOT, "%nplanning %.2f ms, execution %.2f ms", planningMillis,
                executionMillis)));
  }
}
