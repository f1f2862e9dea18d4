package dev.fieldguide.orders.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.fixtures.plans.ExplainService;
import dev.fieldguide.fixtures.plans.PlanSummary;
import dev.fieldguide.fixtures.demo.DemoDataSeeder;
import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.TestData;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * PG2, partial index: the stale-pending list reads only the rows it returns, from an index that
 * holds only pending orders; and {@code updated_at} stays true for writers that never set it.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StalePendingOrdersIntegrationTests {

  @Autowired
  Api api;

  @Autowired
  TestData data;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  ExplainService explain;

  @BeforeAll
  void manyOrdersFewOfThemPending(@Autowired DemoDataSeeder seeder) {
    seeder.seed(200, 100, 20_000); // the seed's statuses are skewed: about 2% are NEW
    jdbc.execute("ANALYZE orders");
  }

  @Test
  void theListIsReadStraightOffThePartialIndex() {
    PlanSummary plan = explain.explainAnalyze(StalePendingOrders.SQL,
        OffsetDateTime.now(ZoneOffset.UTC), 50);

    assertThat(plan.usesIndex("orders_stale_pending_idx")).as(plan.render()).isTrue();
    assertThat(plan.hasNode("Sort")).as(plan.render()).isFalse();
    assertThat(plan.rowsReadFrom("orders_stale_pending_idx")).as(plan.render()).isEqualTo(50);
  }

  @Test
  void thePartialIndexIsAFractionOfAFullOne() {
    long partial = indexBytes("orders_stale_pending_idx");
    long full = indexBytes("orders_created_at_id_idx");

    assertThat(partial).as("partial %d bytes, full %d bytes", partial, full)
        .isLessThan(full / 5);
  }

  @Test
  void aPendingOrderIsListedUntilSomeoneTouchesIt() {
    long order = data.orderWithLines(1).orderId();
    jdbc.update("UPDATE orders SET updated_at = timestamptz '2000-01-01' WHERE id = ?", order);
    assertThat(listed(order)).isTrue();

    // A writer that does not name updated_at (JPA, the jobs) still moves it: the V15 trigger.
    jdbc.update("UPDATE orders SET total_cents = total_cents WHERE id = ?", order);

    assertThat(listed(order)).isFalse();
    assertThat(jdbc.queryForObject("SELECT updated_at > now() - interval '1 minute' FROM orders"
        + " WHERE id = ?", Boolean.class, order)).isTrue();
  }

  @Test
  void boundsOutsideTheirRangeAreABadRequest() {
    assertThat(api.get("/admin/orders/stale-pending?idleHours=0").status()).isEqualTo(400);
    assertThat(api.get("/admin/orders/stale-pending?limit=201").status()).isEqualTo(400);
  }

  private boolean listed(long orderId) {
    // Oldest first: an order last touched in 2000 is on the first page of a day's staleness.
    JsonNode list = api.get("/admin/orders/stale-pending?idleHours=24&limit=200").jsonBody();
    return list.valueStream().anyMatch(o -> o.path("id").asLong() == orderId);
  }

  private long indexBytes(String index) {
    return Objects.requireNonNull(
        jdbc.queryForObject("SELECT pg_relation_size(?::regclass)", Long.class, index));
  }
}
