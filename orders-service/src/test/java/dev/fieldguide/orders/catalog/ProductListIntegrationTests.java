package dev.fieldguide.orders.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.fixtures.plans.ExplainService;
import dev.fieldguide.fixtures.plans.PlanSummary;
import dev.fieldguide.fixtures.demo.DemoDataSeeder;
import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.StatementCounter;
import dev.fieldguide.orders.support.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * D7/PG2: the product list filters only through indexes — JSONB containment on the GIN
 * {@code jsonb_path_ops} index, text search on the name's tsvector index — and pages by id.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductListIntegrationTests {

  @Autowired
  Api api;

  @Autowired
  TestData data;

  @Autowired
  StatementCounter statements;

  @Autowired
  ExplainService explain;

  private final String batch = UUID.randomUUID().toString();
  private final String word = "zq" + UUID.randomUUID().toString().substring(0, 8);
  private final List<Long> tagged = new ArrayList<>();

  @BeforeAll
  void manyProductsAndAFewTaggedOnes(@Autowired DemoDataSeeder seeder,
      @Autowired JdbcTemplate jdbc) {
    seeder.seed(200, 50_000, 0); // enough pages that a sequential scan is not the cheap choice
    for (int i = 0; i < 25; i++) {
      tagged.add(data.product("Lamp " + word + " " + i, 1_000 + i,
          Map.of("batch", batch, "color", i % 2 == 0 ? "teal" : "plum")));
    }
    jdbc.execute("ANALYZE products");
  }

  @Test
  void attributeFiltersMatchByContainmentThroughTheGinIndex() {
    statements.reset();

    JsonNode page = api.get("/api/v1/products?attr.batch=" + batch + "&attr.color=teal&limit=100")
        .jsonBody();

    assertThat(page.path("items").valueStream().map(p -> p.path("id").asLong()))
        .containsExactlyElementsOf(tagged.stream().filter(id -> tagged.indexOf(id) % 2 == 0)
            .toList());
    PlanSummary plan = explainListQuery();
    assertThat(plan.usesIndex("products_attributes_idx")).as(plan.render()).isTrue();
  }

  @Test
  void textSearchMatchesWordsOfTheNameThroughItsIndex() {
    statements.reset();

    JsonNode page = api.get("/api/v1/products?q=" + word + "&limit=100").jsonBody();

    assertThat(page.path("items")).hasSize(25);
    PlanSummary plan = explainListQuery();
    assertThat(plan.usesIndex("products_name_search_idx")).as(plan.render()).isTrue();
  }

  @Test
  void pagesFollowTheCursorInIdOrderWithoutGapsOrRepeats() {
    List<Long> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonNode page = api.get("/api/v1/products?attr.batch=" + batch + "&limit=10"
          + (cursor == null ? "" : "&cursor=" + cursor)).jsonBody();
      page.path("items").forEach(p -> seen.add(p.path("id").asLong()));
      cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
      pages++;
    } while (cursor != null && pages < 10);

    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactlyElementsOf(tagged);
  }

  @Test
  void aCursorCannotBeReusedUnderOtherFilters() {
    String cursor = api.get("/api/v1/products?attr.batch=" + batch + "&limit=10").jsonBody()
        .path("nextCursor").asString();

    var response = api.get("/api/v1/products?attr.batch=" + batch + "&attr.color=teal&cursor="
        + cursor);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.jsonBody().path("code").asString()).isEqualTo("INVALID_CURSOR");
  }

  private PlanSummary explainListQuery() {
    var query = statements.executed().stream()
        .filter(s -> s.sql().contains("FROM products")).findFirst().orElseThrow();
    return explain.explainAnalyze(query.sql(), query.jdbcParameters());
  }
}
