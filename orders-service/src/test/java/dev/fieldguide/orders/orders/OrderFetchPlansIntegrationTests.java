package dev.fieldguide.orders.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.support.JpaSlice;
import dev.fieldguide.orders.support.StatementCounter;
import dev.fieldguide.orders.support.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The order fetch plans in a persistence slice on PostgreSQL: one order with everything it shows
 * is one statement, and a page of orders is two whatever its size (D3, no N+1), counted.
 */
@JpaSlice
@Import(OrderListing.class)
class OrderFetchPlansIntegrationTests {

  @Autowired
  OrderRepository orders;

  @Autowired
  OrderListing listing;

  @Autowired
  TestData data;

  @Autowired
  StatementCounter statements;

  @Test
  void oneOrderWithItsCustomerLinesAndProductsIsOneSelect() {
    TestData.PlacedOrder placed = data.orderWithLines(3);
    statements.reset();

    Order order = orders.findWithDetailsById(placed.orderId()).orElseThrow();

    assertThat(order.getCustomer().getEmail()).isEqualTo(placed.customerEmail());
    assertThat(order.getLines()).extracting(line -> line.getProduct().getName())
        .containsExactlyInAnyOrderElementsOf(placed.productNames());
    statements.assertSelectCount(1);
  }

  @Test
  void aPageOfOrdersWithTheirLinesAndProductsIsTwoSelectsWhateverItsSize() {
    long customer = data.customer();
    List<Long> placed = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      placed.add(data.orderOf(customer, data.product("Listed " + i, 100 + i, Map.of())));
    }
    statements.reset();

    OrderListing.Slice<OrderResponse> page = listing.list(new OrderFilter(customer, null), 5,
        null);

    assertThat(page.items()).hasSize(5).allSatisfy(order -> {
      assertThat(order.customer().id()).isEqualTo(customer);
      assertThat(order.lines()).singleElement()
          .satisfies(line -> assertThat(line.productName()).startsWith("Listed "));
    });
    assertThat(page.items()).extracting(OrderResponse::id)
        .containsExactlyElementsOf(placed.reversed().subList(0, 5));
    assertThat(page.next()).isNotNull();
    statements.assertSelectCount(2);
  }
  @Test
  void pagesOfEverySizeSendTheSameLinesStatementWithOneArrayOfIds() {
    long customer = data.customer();
    for (int i = 0; i < 6; i++) {
      data.orderOf(customer, data.product("Sized " + i, 100 + i, Map.of()));
    }
    List<StatementCounter.Executed> linesStatements = new ArrayList<>();
    for (int size : new int[]{1, 2, 5}) {
      statements.reset();
      listing.list(new OrderFilter(customer, null), size, null);
      linesStatements.add(statements.executed().getLast()); // the page, then its lines
    }

    assertThat(linesStatements).extracting(StatementCounter.Executed::sql)
        .allSatisfy(sql -> assertThat(sql).contains("order_lines").contains("any(").isEqualTo(
            linesStatements.getFirst().sql()));
    assertThat(linesStatements).extracting(executed -> executed.parameters().size())
        .containsOnly(1);
  }
}
