package dev.fieldguide.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.fixtures.Concurrently;
import dev.fieldguide.fixtures.demo.DemoDataSeeder;
import dev.fieldguide.orders.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The seeder tops up to the requested sizes, never duplicates on a re-run (also when two run at
 * once), and derives every value from the row's sequence number.
 *
 * <p>The test database is shared by the whole suite, so this class is the only one that seeds,
 * and it reads only seeded rows ({@code @example.test} customers, {@code SKU-} products).
 */
@IntegrationTest
class DemoDataSeederIntegrationTests {

  @Autowired
  DemoDataSeeder seeder;

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void concurrentRunsAddEachOrderOnceAndReRunsAddNothing() throws Exception {
    seeder.seed(20, 10, 100);
    long mark = seededOrders();
    Snapshot before = snapshot();

    // Two seeders at once with work to do: the progress-row lock makes the second wait and then
    // find the work done, instead of generating the same orders again.
    List<Long> generated = Concurrently.run(2, i -> () -> seeder.seed(20, 10, mark + 300));
    assertThat(generated.getFirst() + generated.getLast()).isEqualTo(300);
    Snapshot grown = snapshot();
    assertThat(grown.orders()).isEqualTo(before.orders() + 300);
    assertThat(grown.customers()).isEqualTo(before.customers());

    assertThat(seeder.seed(20, 10, mark + 300)).isZero();
    assertThat(snapshot()).isEqualTo(grown);
    assertThat(seeder.seed(20, 10, mark + 350)).isEqualTo(50);
  }

  @Test
  void aRunThatAddsRowsAnalyzesWhatItLoadedAndOneThatAddsNothingDoesNot() {
    seeder.seed(20, 10, 100);
    long mark = seededOrders();
    long before = analyzeCount("orders");

    // Autovacuum is off on these machines (and slow to react elsewhere): without the seeder's own
    // ANALYZE the planner keeps the statistics of the table before the load.
    assertThat(seeder.seed(20, 10, mark + 20)).isEqualTo(20);
    assertThat(analyzeCount("orders")).isEqualTo(before + 1);
    assertThat(analyzeCount("order_lines")).isPositive();

    assertThat(seeder.seed(20, 10, mark + 20)).isZero();
    assertThat(analyzeCount("orders")).isEqualTo(before + 1);
  }

  private long analyzeCount(String table) {
    Long count = jdbc.queryForObject(
        "SELECT analyze_count FROM pg_stat_user_tables WHERE relname = ?", Long.class, table);
    return count == null ? 0 : count;
  }

  private long seededOrders() {
    Long orders = jdbc.queryForObject("SELECT orders FROM demo_seed", Long.class);
    return orders == null ? 0 : orders;
  }

  @Test
  void everySeededOrderHasOneToFiveLinesThatAddUpToItsTotal() {
    seeder.seed(20, 10, 100);

    Long inconsistent = jdbc.queryForObject("""
        SELECT count(*) FROM orders o
        WHERE o.created_at >= timestamptz '2025-01-01 00:00:00+00'
          AND (o.total_cents <> (SELECT sum(quantity * unit_price_cents) FROM order_lines l
                                 WHERE l.order_id = o.id)
               OR (SELECT count(*) FROM order_lines l WHERE l.order_id = o.id) NOT BETWEEN 1 AND 5)
        """, Long.class);
    assertThat(inconsistent).isZero();
    Double averageLines = jdbc.queryForObject(
        """
            SELECT avg(n) FROM (SELECT count(*) AS n FROM order_lines l JOIN orders o ON o.id = l.order_id
                                WHERE o.created_at >= timestamptz '2025-01-01 00:00:00+00'
                                GROUP BY l.order_id) AS per_order
            """,
        Double.class);
    assertThat(averageLines).isBetween(2.5, 3.5);
  }

  @Test
  void valuesFollowFromTheSequenceNumberNotFromChance() {
    seeder.seed(20, 10, 100);

    // Order number g is created at EPOCH + g * 30 s and has 1 + g % 5 lines; check g = 42.
    Long lines = jdbc.queryForObject("""
        SELECT count(*) FROM order_lines l JOIN orders o ON o.id = l.order_id
        WHERE o.created_at = timestamptz '2025-01-01 00:00:00+00' + 42 * interval '30 seconds'
        """, Long.class);
    assertThat(lines).isEqualTo(1 + 42 % 5);
    assertThat(jdbc.queryForObject("SELECT price_cents FROM products WHERE sku = 'SKU-000007'",
        Long.class)).isEqualTo(199 + (7L * 7919) % 20000);
  }

  private Snapshot snapshot() {
    return jdbc.queryForObject(
        """
            SELECT (SELECT count(*) FROM customers WHERE email LIKE 'customer%@example.test'),
                   (SELECT count(*) FROM products WHERE sku LIKE 'SKU-%'),
                   (SELECT count(*) FROM orders WHERE created_at >= timestamptz '2025-01-01 00:00:00+00'),
                   (SELECT count(*) FROM order_lines l JOIN orders o ON o.id = l.order_id
                    WHERE o.created_at >= timestamptz '2025-01-01 00:00:00+00')
            """,
        (rs, i) -> new Snapshot(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
  }

  private record Snapshot(long customers, long products, long orders, long lines) {}
}
