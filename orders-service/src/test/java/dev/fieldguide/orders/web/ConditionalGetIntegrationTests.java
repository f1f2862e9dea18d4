package dev.fieldguide.orders.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.TestData;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** D7: a client revalidating with {@code If-None-Match} gets 304 and no body. */
@IntegrationTest
class ConditionalGetIntegrationTests {

  @Autowired
  Api api;

  @Autowired
  TestData data;

  @ParameterizedTest
  @ValueSource(strings = {"product", "product page", "order page"})
  void aMatchingStrongEtagAnswers304WithoutABody(String resource) {
    String path = switch (resource) {
      case "product" -> "/api/v1/products/" + data.product("Etag Mug", 500, Map.of());
      case "product page" -> "/api/v1/products?limit=5";
      default -> "/api/v1/orders?limit=5";
    };
    var first = api.get(path);
    String etag = first.header("ETag");

    var again = api.get(path, Map.of("If-None-Match", etag));

    assertThat(etag).matches("\"[0-9a-f]+\""); // strong: no W/ prefix
    assertThat(again.status()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"stale\"", "\"0000\""})
  void aStaleEtagGetsTheFullResponse(String etag) {
    var response = api.get("/api/v1/products?limit=5", Map.of("If-None-Match", etag));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).contains("\"items\"");
  }
}
