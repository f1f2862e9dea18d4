package dev.fieldguide.orders.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.fixtures.plans.ExplainService;
import dev.fieldguide.fixtures.plans.PlanSummary;
import dev.fieldguide.fixtures.demo.DemoDataSeeder;
import dev.fieldguide.fixtures.wrongway.OffsetOrderListing;
import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.StatementCounter;
import dev.fieldguide.orders.support.TestData;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * PG3: keyset pagination on {@code (created_at, id)}. A walk sees every row once while rows are
 * inserted between pages, and a deep page is read straight off the index.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderListKeysetIntegrationTests {

  private static final int SEEDED_ORDERS = 20_000;

  @Autowired
  Api api;

  @Autowired
  TestData data;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  StatementCounter statements;

  @Autowired
  ExplainService explain;

  @Autowired
  OffsetOrderListing offsetListing;

  @BeforeAll
  void enoughOrdersForThePlannerToPreferTheIndex(@Autowired DemoDataSeeder seeder) {
    seeder.seed(200, 100, SEEDED_ORDERS);
    jdbc.execute("ANALYZE orders");
  }

  @Test
  void aWalkSeesEveryRowExactlyOnceWhileRowsAreInserted() {
    Set<Long> before = Set.copyOf(jdbc.queryForList("SELECT id FROM orders", Long.class));
    List<Long> seen = new ArrayList<>();
    String cursor = null;
    int pagesLeft = before.size() / 100 + 5; // a broken cursor must not loop forever
    do {
      JsonNode page = api
          .get("/api/v1/orders?limit=100" + (cursor == null ? "" : "&cursor=" + cursor))
          .jsonBody();
      page.path("items").forEach(item -> seen.add(item.path("id").asLong()));
      data.orderWithLines(1); // a newer order lands at the head of the list between pages
      cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
    } while (cursor != null && --pagesLeft > 0);

    assertThat(seen).doesNotHaveDuplicates();
    assertThat(new HashSet<>(seen)).isEqualTo(before);
  }

  @Test
  void offsetPagingUnderTheSameInsertsRepeatsRows() {
    List<Long> seen = new ArrayList<>();
    for (int page = 0; page < 5; page++) {
      seen.addAll(offsetListing.ids(page * 100L, 100));
      data.orderWithLines(1);
    }

    assertThat(seen).hasSize(500);
    assertThat(new HashSet<>(seen)).hasSizeLessThan(500);
  }

  @Test
  void aDeepPageIsAnIndexScanWithoutASort() {
    String cursor = cursorAtDepth(15_000);
    statements.reset();

    api.get("/api/v1/orders?limit=20&cursor=" + cursor);

    PlanSummary plan = explainPageQuery();
    assertThat(plan.hasNode("Sort")).as(plan.render()).isFalse();
    assertThat(plan.usesIndex("orders_created_at_id_idx")).as(plan.render()).isTrue();
    assertThat(plan.rowsReadFrom("orders_created_at_id_idx")).as(plan.render())
        .isLessThanOrEqualTo(21);
  }

  @Test
  void aStatusFilterUsesItsOwnIndex() {
    statements.reset();

    api.get("/api/v1/orders?status=PAID&limit=20");

    PlanSummary plan = explainPageQuery();
    assertThat(plan.usesIndex("orders_status_created_at_id_idx")).as(plan.render()).isTrue();
    assertThat(plan.hasNode("Sort")).as(plan.render()).isFalse();
  }

  @Test
  void aCustomerFilterUsesItsOwnIndex() {
    long customerId = Objects.requireNonNull(
        jdbc.queryForObject("SELECT customer_id FROM orders LIMIT 1", Long.class));
    statements.reset();

    api.get("/api/v1/orders?customerId=" + customerId + "&limit=20");

    PlanSummary plan = explainPageQuery();
    assertThat(plan.usesIndex("orders_customer_created_at_id_idx")).as(plan.render()).isTrue();
    assertThat(plan.hasNode("Sort")).as(plan.render()).isFalse();
  }

  @Test
  void filteredPagesContainOnlyMatchingOrders() {
    JsonNode first = api.get("/api/v1/orders?status=CANCELLED&limit=30").jsonBody();
    JsonNode second = api.get("/api/v1/orders?status=CANCELLED&limit=30&cursor="
        + first.path("nextCursor").asString()).jsonBody();

    assertThat(first.path("items").valueStream().map(o -> o.path("status").asString()))
        .hasSize(30).containsOnly("CANCELLED");
    assertThat(second.path("items").valueStream().map(o -> o.path("status").asString()))
        .hasSize(30).containsOnly("CANCELLED");
    assertThat(first.path("items").get(29).path("createdAt").asString())
        .isGreaterThanOrEqualTo(second.path("items").get(0).path("createdAt").asString());
  }

  private PlanSummary explainPageQuery() {
    var pageQuery = statements.executed().stream()
        .filter(s -> s.sql().toLowerCase(Locale.ROOT).contains("from orders")).findFirst()
        .orElseThrow();
    return explain.explainAnalyze(pageQuery.sql(), pageQuery.jdbcParameters());
  }

  private String cursorAtDepth(int depth) {
    @Nullable String cursor = null;
    int read = 0;
    while (read < depth) {
      JsonNode page = api
          .get("/api/v1/orders?limit=100" + (cursor == null ? "" : "&cursor=" + cursor))
          .jsonBody();
      read += page.path("items").size();
      cursor = page.path("nextCursor").asString();
    }
    return Objects.requireNonNull(cursor);
  }
}
