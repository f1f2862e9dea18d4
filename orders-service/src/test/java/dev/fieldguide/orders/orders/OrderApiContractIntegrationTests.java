package dev.fieldguide.orders.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.JsonShape;
import dev.fieldguide.orders.support.TestData;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * D8/A1: both versions keep their published shapes (snapshots under {@code contracts/}), and v1
 * tells clients it is deprecated, when it goes away, and where to go.
 */
@IntegrationTest
class OrderApiContractIntegrationTests {

  @Autowired
  Api api;

  @Autowired
  TestData data;

  @Autowired
  JsonMapper json;

  @Test
  void v1KeepsItsPublishedShape() throws IOException {
    long id = data.orderWithLines(2).orderId();
    data.orders(2, 1);

    assertThat(breaking("orders-v1-order.json", api.get("/api/v1/orders/" + id))).isEmpty();
    assertThat(breaking("orders-v1-page.json", api.get("/api/v1/orders?limit=2"))).isEmpty();
  }

  @Test
  void v2KeepsItsPublishedShapeWithMoneyAsAmountAndCurrency() throws IOException {
    long id = data.orderWithLines(2).orderId();
    data.orders(2, 1);

    var order = api.get("/api/v2/orders/" + id);
    assertThat(breaking("orders-v2-order.json", order)).isEmpty();
    assertThat(breaking("orders-v2-page.json", api.get("/api/v2/orders?limit=2"))).isEmpty();
    // TestData prices line i at i * 100 cents: line 2 costs 2.00
    assertThat(order.jsonBody().path("lines").get(1).path("unitPrice").path("amount").asString())
        .isEqualTo("2.00");
    assertThat(order.jsonBody().path("total").path("currency").asString()).isEqualTo("EUR");
  }

  @Test
  void v1AndV2DescribeTheSameOrder() {
    long id = data.orderWithLines(3).orderId();

    JsonNode v1 = api.get("/api/v1/orders/" + id).jsonBody();
    JsonNode v2 = api.get("/api/v2/orders/" + id).jsonBody();

    assertThat(v2.path("total").path("amount").asString())
        .isEqualTo("%d.%02d".formatted(v1.path("totalCents").asLong() / 100,
            v1.path("totalCents").asLong() % 100));
    assertThat(v2.path("customer")).isEqualTo(v1.path("customer"));
  }

  @Test
  void v1ResponsesCarryDeprecationSunsetAndSuccessorLink() {
    long id = data.orderWithLines(1).orderId();

    var response = api.get("/api/v1/orders/" + id);

    assertThat(response.header("Deprecation")).matches("@\\d+");
    long deprecatedAt = Long.parseLong(response.header("Deprecation").substring(1));
    long sunset = ZonedDateTime.parse(response.header("Sunset"),
        DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond();
    assertThat(sunset).isGreaterThanOrEqualTo(deprecatedAt);
    assertThat(response.header("Link"))
        .isEqualTo("</api/v2/orders/" + id + ">; rel=\"successor-version\"");
    assertThat(api.get("/api/v1/orders?limit=1").header("Deprecation")).isNotEmpty();
  }

  @Test
  void v2AndOtherResourcesAreNotDeprecated() {
    assertThat(api.get("/api/v2/orders?limit=1").header("Deprecation")).isEmpty();
    assertThat(api.get("/api/v1/products?limit=1").header("Deprecation")).isEmpty();
  }

  @Test
  void theShapeCheckCatchesBreakingChangesAndAllowsAdditiveOnes() throws IOException {
    JsonNode contract = snapshot("orders-v1-order.json");
    JsonNode order = json.readTree("""
        {"id": 1, "status": "NEW", "totalCents": 100, "createdAt": "2026-01-01T00:00:00Z",
         "customer": {"id": 2, "email": "a@example.test", "name": "A"},
         "lines": [{"productId": 3, "productName": "P", "quantity": 1, "unitPriceCents": 100}]}""");
    JsonNode added = json
        .readTree(order.toString().replace("\"id\":1,", "\"id\":1,\"note\":\"x\","));
    JsonNode removed = json.readTree(order.toString().replace("\"totalCents\":100,", ""));
    JsonNode retyped = json
        .readTree(order.toString().replace("\"quantity\":1", "\"quantity\":\"1\""));

    assertThat(JsonShape.breakingChanges(contract, order)).isEmpty();
    assertThat(JsonShape.breakingChanges(contract, added)).isEmpty();
    assertThat(JsonShape.breakingChanges(contract, removed))
        .containsExactly("$.totalCents: missing");
    assertThat(JsonShape.breakingChanges(contract, retyped))
        .containsExactly("$.lines[0].quantity: expected number, got string");
  }

  private java.util.List<String> breaking(String snapshot, Api.Response response)
      throws IOException {
    assertThat(response.status()).isEqualTo(200);
    return JsonShape.breakingChanges(snapshot(snapshot), response.jsonBody());
  }

  private JsonNode snapshot(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/contracts/" + name)) {
      assertThat(in).as("snapshot " + name).isNotNull();
      return json.readTree(in);
    }
  }
}
