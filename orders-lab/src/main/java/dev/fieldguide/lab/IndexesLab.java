package dev.fieldguide.lab;

import dev.fieldguide.fixtures.plans.ExplainService;
import dev.fieldguide.fixtures.plans.PlanSummary;
import dev.fieldguide.fixtures.demo.DemoDataSeeder;
import dev.fieldguide.orders.orders.StalePendingOrders;
import dev.fieldguide.orders.promotions.Promotions;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code ./lab indexes}: PG2's indexes, each with the query it exists for and the plan that query
 * gets. A GIN index only pays off on more rows than the default demo catalogue has, so the lab
 * first tops the catalogue up to {@value #PRODUCTS} products and gives some of them monthly
 * promotions in the 2030s (kept: they never affect today's prices).
 */
@Component
class IndexesLab implements Lab {

  static final int PRODUCTS = 50_000;
  private static final int PROMOTED_PRODUCTS = 200;
  private static final OffsetDateTime IN_THE_2030S = OffsetDateTime.of(2034, 6, 15, 12, 0, 0, 0,
      ZoneOffset.UTC);

  private final JdbcClient jdbc;
  private final ExplainService explain;
  private final DemoDataSeeder seeder;

  IndexesLab(JdbcClient jdbc, ExplainService explain, DemoDataSeeder seeder) {
    this.jdbc = jdbc;
    this.explain = explain;
    this.seeder = seeder;
  }

  @Override
  public String name() {
    return "indexes";
  }

  @Override
  public String claim() {
    return "each index serves one query shape, and that query's plan uses it";
  }

  @Override
  public void run(URI base, Phases phases) {
    enoughRowsForEveryIndex();
    long customer = jdbc.sql("SELECT customer_id FROM orders ORDER BY id DESC LIMIT 1")
        .query(Long.class).single();
    long promoted = jdbc.sql("SELECT min(product_id) FROM promotions").query(Long.class).single();
    String word = jdbc.sql("""
        SELECT split_part(name, ' ', 3) FROM products WHERE sku LIKE 'SKU-%' ORDER BY id DESC
        LIMIT 1
        """)
        .query(String.class).single();
    phases.add(uses("B-tree (created_at DESC, id DESC): the newest orders, keyset",
        PaginationLab.KEYSET_INDEX, "orders", explain.explainAnalyze(PaginationLab.KEYSET_FIRST,
            20)));
    phases.add(uses("B-tree (customer_id, created_at DESC, id DESC): one customer's newest",
        "orders_customer_created_at_id_idx", "orders", explain.explainAnalyze("""
            SELECT id FROM orders WHERE customer_id = ?
            ORDER BY created_at DESC, id DESC LIMIT 20
            """, customer)));
    phases.add(uses("B-tree (status, created_at DESC, id DESC): the newest PAID orders",
        "orders_status_created_at_id_idx", "orders", explain.explainAnalyze("""
            SELECT id FROM orders WHERE status = 'PAID'
            ORDER BY created_at DESC, id DESC LIMIT 20
            """)));
    phases.add(uses("partial B-tree (updated_at) WHERE status = 'NEW': stale pending orders",
        "orders_stale_pending_idx", "orders", explain.explainAnalyze(StalePendingOrders.SQL,
            OffsetDateTime.now(ZoneOffset.UTC), 50)));
    phases.add(uses("GIN jsonb_path_ops: products whose attributes contain a set of values",
        "products_attributes_idx", "products", explain.explainAnalyze("""
            SELECT count(*) FROM products
            WHERE attributes @> '{"color": "red", "size": "XL", "material": "oak"}'
            """)));
    phases.add(uses("GIN to_tsvector('simple', name): products named with a word",
        "products_name_search_idx", "products", explain.explainAnalyze("""
            SELECT count(*) FROM products
            WHERE to_tsvector('simple', name) @@ plainto_tsquery('simple', ?)
            """, word)));
    phases.add(uses("GiST (product_id, valid_during), the exclusion constraint's index:"
        + " the promotion in force", "promotions_no_overlap", "promotions",
        explain.explainAnalyze(Promotions.IN_FORCE_SQL, promoted, IN_THE_2030S)));
  }

  private LabReport.Phase uses(String name, String index, String relation, PlanSummary plan) {
    long bytes = jdbc.sql("SELECT pg_relation_size(?::regclass)").param(index)
        .query(Long.class).single();
    return PlanPhases.of(name, plan, relation, Map.of("index size kB", bytes / 1024),
        "the plan uses " + index, plan.usesIndex(index));
  }

  /** Tops the catalogue up and promotes the first products monthly through the 2030s, once. */
  private void enoughRowsForEveryIndex() {
    int customers = jdbc.sql("SELECT customers FROM demo_seed").query(Integer.class).single();
    long orders = jdbc.sql("SELECT orders FROM demo_seed").query(Long.class).single();
    seeder.seed(Math.max(customers, 1), PRODUCTS, orders);
    jdbc.sql("""
        INSERT INTO promotions (product_id, percent_off, valid_during)
        SELECT p.id, 5, tstzrange(m, m + interval '1 month', '[)')
        FROM (SELECT id FROM products ORDER BY id LIMIT ?) AS p,
             generate_series(timestamptz '2030-01-01', timestamptz '2039-12-01',
                             interval '1 month') AS m
        WHERE NOT EXISTS (SELECT FROM promotions WHERE valid_during && tstzrange(
            timestamptz '2030-01-01', timestamptz '2040-01-01'))
        """).param(PROMOTED_PRODUCTS).update();
    jdbc.sql("ANALYZE products").update();
    jdbc.sql("ANALYZE promotions").update();
  }
}
