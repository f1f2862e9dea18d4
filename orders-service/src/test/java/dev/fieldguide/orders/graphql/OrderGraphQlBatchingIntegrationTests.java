package dev.fieldguide.orders.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.StatementCounter;
import dev.fieldguide.orders.support.TestData;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A3: a GraphQL page of orders with customer, lines and products. With {@code @BatchMapping} each
 * level is one statement for the whole page (4 in all, for 10 orders or 50); the lab's
 * one-by-one fields cost one statement per order and one per line.
 *
 * <p>Each of the 50 newest orders has its own customer and three products of its own, so the
 * one-by-one counts are exact: 1 (orders) + 1 (customers, batched) + N (lines) + 3N (products).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderGraphQlBatchingIntegrationTests {

  private static final int LINES_PER_ORDER = 3;
  private static final String PAGE = """
      { orders(first: %d) { items { id status totalCents createdAt customer { id email name }
        %s { quantity unitPriceCents %s { id sku name priceCents } } } nextCursor } }""";

  @Autowired
  Api api;

  @Autowired
  JsonMapper json;

  @Autowired
  TestData data;

  @Autowired
  StatementCounter statements;

  private List<TestData.PlacedOrder> placed = List.of();

  @BeforeAll
  void fiftyNewestOrdersWithDistinctCustomersAndProducts() {
    placed = data.orders(50, LINES_PER_ORDER);
  }

  @ParameterizedTest
  @ValueSource(ints = {10, 50})
  void aPageWithCustomersLinesAndProductsCostsFourStatementsWhateverItsSize(int size) {
    statements.reset();

    JsonNode items = items(graphQl().query(PAGE.formatted(size, "lines", "product")));

    assertThat(items).hasSize(size).allSatisfy(order -> {
      assertThat(order.path("customer").path("email").asString()).isNotEmpty();
      assertThat(order.path("lines")).hasSize(LINES_PER_ORDER)
          .allSatisfy(line -> assertThat(line.path("product").path("name").asString())
              .startsWith("Product "));
    });
    statements.assertSelectCount(4);
    statements.assertTotalCount(4);
  }

  @Test
  void fieldsTheClientDoesNotSelectCostNothing() {
    statements.reset();

    JsonNode items = items(graphQl().query("{ orders(first: 50) { items { id status } } }"));

    assertThat(items).hasSize(50);
    statements.assertTotalCount(1);
  }

  @Test
  void eachLevelIsOneStatementForTheWholePage() {
    statements.reset();

    graphQl().query(PAGE.formatted(50, "lines", "product"));

    List<String> sql = statements.executed().stream()
        .map(statement -> statement.sql().toLowerCase(Locale.ROOT)).toList();
    assertThat(sql).hasSize(4);
    assertThat(sql.getFirst()).contains("from orders").doesNotContain("join");
    assertThat(sql).anySatisfy(s -> assertThat(s).contains("from customers").contains(" in "))
        .anySatisfy(s -> assertThat(s).contains("from order_lines").contains(" in "))
        .anySatisfy(s -> assertThat(s).contains("from products").contains(" in "));
    // The lines level asks for all 50 orders at once; products for all 150 lines' products.
    assertThat(statements.executed()).anySatisfy(s -> assertThat(s.parameters()).hasSize(50))
        .anySatisfy(s -> assertThat(s.parameters()).hasSize(50 * LINES_PER_ORDER));
  }

  @ParameterizedTest
  @ValueSource(ints = {10, 50})
  void resolvedOneByOneThePageCostsAStatementPerOrderAndPerLine(int size) {
    statements.reset();

    JsonNode items = items(graphQl().query(PAGE.formatted(size, "linesOneByOne",
        "productOneByOne")));

    assertThat(items).hasSize(size)
        .allSatisfy(order -> assertThat(order.path("linesOneByOne")).hasSize(LINES_PER_ORDER));
    statements.assertSelectCount(2 + size + (long) size * LINES_PER_ORDER);
  }

  @Test
  void anOrderReadsAsItDoesOverRest() {
    TestData.PlacedOrder newest = placed.getLast();

    JsonNode order = graphQl().query("""
        { order(id: "%d") { id status totalCents createdAt customer { id email name }
          lines { quantity unitPriceCents product { id name } } } }"""
        .formatted(newest.orderId())).jsonBody().path("data").path("order");
    JsonNode rest = api.get("/api/v1/orders/" + newest.orderId()).jsonBody();

    assertThat(order.path("id").asString()).isEqualTo(String.valueOf(rest.path("id").asLong()));
    assertThat(order.path("status").asString()).isEqualTo(rest.path("status").asString());
    assertThat(order.path("totalCents").asLong()).isEqualTo(rest.path("totalCents").asLong());
    assertThat(order.path("createdAt").asString()).isEqualTo(rest.path("createdAt").asString());
    assertThat(order.path("customer").path("email").asString())
        .isEqualTo(rest.path("customer").path("email").asString())
        .isEqualTo(newest.customerEmail());
    assertThat(order.path("customer").path("name").asString())
        .isEqualTo(rest.path("customer").path("name").asString());
    assertThat(order.path("lines").valueStream().map(l -> l.path("product").path("name")
        .asString())).containsExactlyElementsOf(newest.productNames());
    assertThat(order.path("lines").valueStream().map(l -> l.path("quantity").asInt()))
        .containsExactlyElementsOf(rest.path("lines").valueStream()
            .map(l -> l.path("quantity").asInt()).toList());
  }

  private static JsonNode items(Api.Response response) {
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.jsonBody().path("errors").isMissingNode())
        .as("no errors in %s", response.body()).isTrue();
    return response.jsonBody().path("data").path("orders").path("items");
  }

  private GraphQlPost graphQl() {
    return new GraphQlPost(api, json);
  }
}
