package dev.fieldguide.orders.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.StatementCounter;
import dev.fieldguide.orders.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/orders/{id}}: the order with customer and lines, in one statement. */
@IntegrationTest
class OrderApiIntegrationTests {

  @Autowired
  Api api;

  @Autowired
  TestData data;

  @Autowired
  StatementCounter statements;

  @Test
  void returnsTheOrderWithItsCustomerAndLines() {
    var order = data.orderWithLines(3);

    var response = api.get("/api/v1/orders/" + order.orderId());

    assertThat(response.status()).isEqualTo(200);
    JsonNode body = response.jsonBody();
    assertThat(body.path("id").asLong()).isEqualTo(order.orderId());
    assertThat(body.path("status").asString()).isEqualTo("NEW");
    assertThat(body.path("customer").path("email").asString()).isEqualTo(order.customerEmail());
    assertThat(body.path("lines")).hasSize(3);
    assertThat(body.path("lines").get(0).path("productName").asString())
        .isEqualTo(order.productNames().get(0));
    long linesTotal = 0;
    for (JsonNode line : body.path("lines")) {
      linesTotal += line.path("quantity").asLong() * line.path("unitPriceCents").asLong();
    }
    assertThat(body.path("totalCents").asLong()).isEqualTo(linesTotal);
  }

  @Test
  void loadsTheOrderCustomerLinesAndProductsWithOneSelect() {
    var order = data.orderWithLines(5);
    statements.reset();

    var response = api.get("/api/v1/orders/" + order.orderId());

    assertThat(response.status()).isEqualTo(200);
    statements.assertSelectCount(1);
  }
}
