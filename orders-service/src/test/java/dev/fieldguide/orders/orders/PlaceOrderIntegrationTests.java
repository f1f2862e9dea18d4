package dev.fieldguide.orders.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.fixtures.Concurrently;
import dev.fieldguide.orders.catalog.Product;
import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * D4/D5: {@code POST /api/v1/orders} — 201 with Location; every kind of bad input is a 4xx problem
 * that writes nothing; stock is reserved atomically; the order and its outbox event commit
 * together.
 */
@IntegrationTest
class PlaceOrderIntegrationTests {

  @Autowired
  Api api;

  @Autowired
  TestData data;

  @Autowired
  JdbcClient jdbc;

  @Test
  void createsTheOrderReservesStockAndRecordsOneEvent() {
    long customer = data.customer();
    long mug = data.productWithStock(1_250, 10);
    long lamp = data.productWithStock(4_000, 3);

    var response = place("""
        {"customerId": %d, "lines": [{"productId": %d, "quantity": 2},
                                     {"productId": %d, "quantity": 1}]}""".formatted(customer, mug,
        lamp));

    assertThat(response.status()).isEqualTo(201);
    JsonNode order = response.jsonBody();
    assertThat(response.header("Location"))
        .isEqualTo("/api/v1/orders/" + order.path("id").asLong());
    assertThat(order.path("totalCents").asLong()).isEqualTo(2 * 1_250 + 4_000);
    assertThat(data.stockOf(mug)).isEqualTo(8);
    assertThat(data.stockOf(lamp)).isEqualTo(2);
    assertThat(api.get(response.header("Location")).body()).isEqualTo(response.body());
    var events = jdbc.sql("SELECT event_type, payload->>'totalCents' FROM outbox_events"
        + " WHERE aggregate_type = 'order' AND aggregate_id = ?")
        .param(String.valueOf(order.path("id").asLong()))
        .query((rs, row) -> rs.getString(1) + " " + rs.getString(2)).list();
    assertThat(events).containsExactly("OrderPlaced " + (2 * 1_250 + 4_000));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      missing customer     | 400 | VALIDATION_FAILED | {"lines": [{"productId": PRODUCT, "quantity": 1}]}
      no lines             | 400 | VALIDATION_FAILED | {"customerId": CUSTOMER, "lines": []}
      negative quantity    | 400 | VALIDATION_FAILED | {"customerId": CUSTOMER, "lines": [{"productId": PRODUCT, "quantity": -1}]}
      duplicate products   | 400 | VALIDATION_FAILED | {"customerId": CUSTOMER, "lines": [{"productId": PRODUCT, "quantity": 1}, {"productId": PRODUCT, "quantity": 2}]}
      quantity as text     | 400 | INVALID_FIELD_TYPE | {"customerId": CUSTOMER, "lines": [{"productId": PRODUCT, "quantity": "two"}]}
      quantity as "3"      | 400 | INVALID_FIELD_TYPE | {"customerId": CUSTOMER, "lines": [{"productId": PRODUCT, "quantity": "3"}]}
      quantity 1.9         | 400 | INVALID_FIELD_TYPE | {"customerId": CUSTOMER, "lines": [{"productId": PRODUCT, "quantity": 1.9}]}
      customer 1.5         | 400 | INVALID_FIELD_TYPE | {"customerId": 1.5, "lines": [{"productId": PRODUCT, "quantity": 1}]}
      lines given twice    | 400 | DUPLICATE_JSON_KEY | {"customerId": CUSTOMER, "lines": [{"productId": PRODUCT, "quantity": 1}], "lines": []}
      not JSON             | 400 | MALFORMED_JSON    | customerId=1
      unknown customer     | 404 | CUSTOMER_NOT_FOUND | {"customerId": 987654321, "lines": [{"productId": PRODUCT, "quantity": 1}]}
      unknown product      | 404 | PRODUCT_NOT_FOUND | {"customerId": CUSTOMER, "lines": [{"productId": PRODUCT, "quantity": 1}, {"productId": 987654321, "quantity": 1}]}
      more than in stock   | 409 | INSUFFICIENT_STOCK | {"customerId": CUSTOMER, "lines": [{"productId": PRODUCT, "quantity": 1}, {"productId": SCARCE, "quantity": 2}]}
      """)
  void badInputIsAProblemAndWritesNothing(String name, int status, String code, String template) {
    long customer = data.customer();
    long product = data.productWithStock(500, 10);
    long scarce = data.productWithStock(500, 1);
    long orders = data.count("orders");
    long events = data.count("outbox_events");

    var response = place(template.replace("CUSTOMER", String.valueOf(customer))
        .replace("PRODUCT", String.valueOf(product)).replace("SCARCE", String.valueOf(scarce)));

    assertThat(response.status()).isEqualTo(status);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.jsonBody().path("code").asString()).isEqualTo(code);
    assertThat(data.count("orders")).isEqualTo(orders);
    assertThat(data.count("outbox_events")).isEqualTo(events);
    assertThat(data.stockOf(product)).as("stock of the line that did fit").isEqualTo(10);
    assertThat(data.stockOf(scarce)).isEqualTo(1);
  }

  /**
   * Prices (at most {@link Product#MAX_PRICE_CENTS}, also a CHECK in the table), quantities (at
   * most 1,000) and lines (at most 50) are bounded, so the largest order the API accepts totals
   * 5 * 10^13 cents: no total can overflow. The aggregate still checks ({@code OrderTests}).
   */
  @Test
  void theLargestOrderTheBoundsAllowIsPlacedWithItsExactTotal() {
    long customer = data.customer();
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      lines.add("{\"productId\": %d, \"quantity\": 1000}"
          .formatted(data.productWithStock(Product.MAX_PRICE_CENTS, 1_000)));
    }

    var response = place("{\"customerId\": %d, \"lines\": [%s]}".formatted(customer,
        String.join(", ", lines)));

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.jsonBody().path("totalCents").asLong())
        .isEqualTo(50 * 1_000 * Product.MAX_PRICE_CENTS);
  }

  @Test
  void fiftyOneLinesAreTooMany() {
    long customer = data.customer();
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 51; i++) {
      lines.add("{\"productId\": %d, \"quantity\": 1}".formatted(1_000_000 + i));
    }

    var response = place("{\"customerId\": %d, \"lines\": [%s]}".formatted(customer,
        String.join(",", lines)));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.jsonBody().path("errors").get(0).path("field").asString())
        .isEqualTo("lines");
  }

  @Test
  void wrongContentTypeAndHugeBodiesAreRefused() {
    var text = api.send("POST", "/api/v1/orders",
        java.net.http.HttpRequest.BodyPublishers.ofString("hello"),
        Map.of("Content-Type", "text/plain", "Idempotency-Key", UUID.randomUUID().toString()));
    var huge = place("{\"note\": \"" + "x".repeat(1_100_000) + "\"}");

    assertThat(text.status()).isEqualTo(415);
    assertThat(huge.status()).isEqualTo(413);
    assertThat(huge.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void parallelOrdersNeverSellMoreThanTheStock() {
    long product = data.productWithStock(700, 5);
    List<Long> customers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      customers.add(data.customer());
    }
    List<Integer> statuses = Concurrently.run(customers.size(), i -> () -> place(
        "{\"customerId\": %d, \"lines\": [{\"productId\": %d, \"quantity\": 1}]}"
            .formatted(customers.get(i), product))
        .status());

    assertThat(statuses).filteredOn(s -> s == 201).hasSize(5);
    assertThat(statuses).filteredOn(s -> s == 409).hasSize(15);
    assertThat(data.stockOf(product)).isZero();
    assertThat(jdbc.sql("SELECT count(*) FROM order_lines WHERE product_id = ?").param(product)
        .query((rs, row) -> rs.getLong(1)).single()).isEqualTo(5);
  }

  private Api.Response place(String body) {
    return api.post("/api/v1/orders", body, Map.of("Content-Type", "application/json",
        "Idempotency-Key", UUID.randomUUID().toString()));
  }
}
