package dev.fieldguide.orders.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.TestData;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/products/{id}} returns the contract's fields, attributes from JSONB; a
 * {@code HEAD} is answered the same way, without the body; a price is bounded on the way in.
 */
@IntegrationTest
class ProductApiIntegrationTests {

  @Autowired
  Api api;

  @Autowired
  TestData data;

  @Test
  void returnsTheProductWithItsJsonbAttributes() {
    long id = data.product("Oak Desk", 25_900, Map.of("material", "oak", "color", "brown"));

    var response = api.get("/api/v1/products/" + id);

    assertThat(response.status()).isEqualTo(200);
    JsonNode body = response.jsonBody();
    assertThat(body.path("id").asLong()).isEqualTo(id);
    assertThat(body.path("sku").asString()).startsWith("T-");
    assertThat(body.path("name").asString()).isEqualTo("Oak Desk");
    assertThat(body.path("priceCents").asLong()).isEqualTo(25_900);
    assertThat(body.path("attributes").path("material").asString()).isEqualTo("oak");
    assertThat(body.path("attributes").path("color").asString()).isEqualTo("brown");
  }

  /** RFC 9110: HEAD is GET without the body; a public read stays public for it too. */
  @Test
  void aHeadOfAProductIsAnsweredLikeItsGetWithoutABody() {
    long id = data.product("Pine Shelf", 4_900, Map.of());

    var head = api.anonymous().send("HEAD", "/api/v1/products/" + id,
        HttpRequest.BodyPublishers.noBody(), Map.of());

    assertThat(head.status()).isEqualTo(200);
    assertThat(head.header("Content-Type")).isEqualTo("application/json");
    assertThat(head.body()).isEmpty();
  }

  @Test
  void aPriceAboveTheBoundIsA400AndThePriceStaysAsItWas() {
    long id = data.product("Bounded Lamp", 1_000, Map.of());

    var nearLongMax = patch(id, "{\"priceCents\": 9223372036854775000}");
    var justOver = patch(id, "{\"priceCents\": %d}".formatted(Product.MAX_PRICE_CENTS + 1));

    for (Api.Response refused : List.of(nearLongMax, justOver)) {
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.jsonBody().path("code").asString()).isEqualTo("VALIDATION_FAILED");
      assertThat(refused.jsonBody().path("errors").get(0).path("field").asString())
          .isEqualTo("priceCents");
    }
    assertThat(api.get("/api/v1/products/" + id).jsonBody().path("priceCents").asLong())
        .isEqualTo(1_000);
    var atTheBound = patch(id, "{\"priceCents\": %d}".formatted(Product.MAX_PRICE_CENTS));
    assertThat(atTheBound.jsonBody().path("priceCents").asLong())
        .isEqualTo(Product.MAX_PRICE_CENTS);
  }

  private Api.Response patch(long id, String body) {
    return api.send("PATCH", "/api/v1/products/" + id, HttpRequest.BodyPublishers.ofString(body),
        Map.of("Content-Type", "application/json"));
  }
}
