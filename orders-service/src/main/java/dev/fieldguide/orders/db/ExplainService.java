package dev.fieldguide.orders.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs {@code EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)} on a query and summarises the plan.
 *
 * <p>ANALYZE really executes the statement, so only queries are accepted, and they run in a
 * read-only transaction as a second guard.
 */
@Service
public class ExplainService {

  private final JdbcTemplate jdbc;
  private final JsonMapper json;

  ExplainService(JdbcTemplate jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  @Transactional(readOnly = true)
  public PlanSummary explainAnalyze(String sql, Object... parameters) {
    String head = sql.stripLeading().toLowerCase(Locale.ROOT);
    if (!head.startsWith("select") && !head.startsWith("with")) {
      throw new IllegalArgumentException("EXPLAIN ANALYZE executes its statement; queries only");
    }
    String plan = jdbc.queryForObject("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + sql,
        String.class, parameters);
    JsonNode root = json.readTree(plan).get(0);
    List<PlanSummary.Node> nodes = new ArrayList<>();
    collect(root.path("Plan"), 0, nodes);
    return new PlanSummary(List.copyOf(nodes), root.path("Planning Time").asDouble(),
        root.path("Execution Time").asDouble());
  }

  private static void collect(JsonNode plan, int depth, List<PlanSummary.Node> into) {
    into.add(new PlanSummary.Node(depth, plan.path("Node Type").asString(),
        text(plan, "Relation Name"), text(plan, "Index Name"), plan.path("Plan Rows").asDouble(),
        plan.path("Actual Rows").asDouble(), plan.path("Actual Loops").asDouble(),
        plan.path("Shared Hit Blocks").asLong(), plan.path("Shared Read Blocks").asLong()));
    for (JsonNode child : plan.path("Plans")) {
      collect(child, depth + 1, into);
    }
  }

  private static @Nullable String text(JsonNode node, String field) {
    return node.has(field) ? node.get(field).asString() : null;
  }
}
