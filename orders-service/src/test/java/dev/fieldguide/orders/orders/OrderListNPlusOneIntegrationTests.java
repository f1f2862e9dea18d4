package dev.fieldguide.orders.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.fixtures.wrongway.NPlusOneOrderListing;
import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.StatementCounter;
import dev.fieldguide.orders.support.TestData;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * D1/D2: a page of orders with customer, lines and products. The naive loop costs one query per
 * touched association; the fetch plan costs two statements whatever the page size.
 *
 * <p>Each order here has its own customer and two products of its own, so the naive counts are
 * exact: 1 (orders) + N (customers) + N (line collections) + 2N (products).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderListNPlusOneIntegrationTests {

  private static final int LINES_PER_ORDER = 2;

  @Autowired
  Api api;

  @Autowired
  TestData data;

  @Autowired
  StatementCounter statements;

  @Autowired
  NPlusOneOrderListing naive;

  @Autowired
  OrderListing listing;

  @BeforeAll
  void hundredNewestOrdersWithDistinctCustomersAndProducts() {
    data.orders(100, LINES_PER_ORDER);
  }

  @ParameterizedTest
  @ValueSource(ints = {50, 100})
  void theNaiveLoopCostsOneQueryPerAssociationItTouches(int pageSize) {
    statements.reset();

    var page = naive.newest(pageSize, 1);

    assertThat(page).hasSize(pageSize);
    statements.assertSelectCount(1 + pageSize + pageSize + (long) LINES_PER_ORDER * pageSize);
  }

  @ParameterizedTest
  @ValueSource(ints = {50, 100})
  void batchFetchingTurnsTheLoopIntoAFewInQueries(int pageSize) {
    statements.reset();

    naive.newest(pageSize, 100);

    // orders + customers + line collections + products, each in batches of up to 100 ids
    int productBatches = (LINES_PER_ORDER * pageSize + 99) / 100;
    statements.assertSelectCount(3 + productBatches);
  }

  @ParameterizedTest
  @ValueSource(ints = {50, 100})
  void theFetchPlanCostsTwoStatementsWhateverThePageSize(int pageSize) {
    statements.reset();

    var slice = listing.list(OrderFilter.NONE, pageSize, null);

    assertThat(slice.items()).hasSize(pageSize)
        .allSatisfy(order -> assertThat(order.lines()).hasSize(LINES_PER_ORDER));
    statements.assertSelectCount(2);
  }

  @ParameterizedTest
  @ValueSource(ints = {50, 100})
  void theEndpointServesAPageInTwoStatements(int pageSize) {
    statements.reset();

    var response = api.get("/api/v1/orders?limit=" + pageSize);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.jsonBody().path("items")).hasSize(pageSize);
    statements.assertSelectCount(2);
  }

  @ParameterizedTest
  @ValueSource(ints = {50, 100})
  void thePagesCollectionIsNeverJoinedSoLimitCountsOrders(int pageSize) {
    statements.reset();

    listing.list(OrderFilter.NONE, pageSize, null);

    String pageQuery = statements.executed().getFirst().sql().toLowerCase(Locale.ROOT);
    assertThat(pageQuery).contains("join customers").doesNotContain("order_lines")
        .containsPattern("(fetch first|limit) \\?");
  }
}
