package dev.fieldguide.orders.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.TestData;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Bad list parameters get a 400 problem with a precise code, never a 500. */
@IntegrationTest
class ListEndpointBadInputIntegrationTests {

  @Autowired
  Api api;

  @Autowired
  TestData data;

  @Autowired
  KeysetCursors cursors;

  @ParameterizedTest(name = "{0}?{1} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      /api/v1/orders   | limit=0                         | VALIDATION_FAILED
      /api/v1/orders   | limit=10000                     | VALIDATION_FAILED
      /api/v1/orders   | limit=ten                       | INVALID_PARAMETER
      /api/v1/orders   | limit=0x10                      | INVALID_PARAMETER
      /api/v1/orders   | customerId=%EF%BC%91            | INVALID_PARAMETER
      /api/v1/orders   | cursor=garbage                  | INVALID_CURSOR
      /api/v1/orders   | cursor=MQ.AAAA                  | INVALID_CURSOR
      /api/v1/orders   | status=NOPE                     | INVALID_PARAMETER
      /api/v1/orders   | customerId=abc                  | INVALID_PARAMETER
      /api/v1/products | limit=101                       | VALIDATION_FAILED
      /api/v1/products | cursor=garbage                  | INVALID_CURSOR
      /api/v1/products | attr.bad%20name=x               | INVALID_FILTER
      /api/v1/products | attr.color=a&attr.color=b       | INVALID_FILTER
      /api/v1/products | q=                              | INVALID_FILTER
      /api/v1/products | q=%C0%AF                         | INVALID_ENCODING
      /api/v1/products | q=%00                           | NUL_CHARACTER
      """)
  void badListParametersAreA400Problem(String path, String query, String code) {
    var response = api.get(path + "?" + query);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.jsonBody().path("code").asString()).isEqualTo(code);
  }

  static Stream<Arguments> positionsNoRowCanHave() {
    return Stream.of(
        Arguments.of("product id 0", "/api/v1/products", "products", List.of("0")),
        Arguments.of("negative product id", "/api/v1/products", "products", List.of("-5")),
        Arguments.of("product id beyond a long", "/api/v1/products", "products",
            List.of("99999999999999999999")),
        Arguments.of("product id in Arabic-Indic digits", "/api/v1/products", "products",
            List.of("\u0661\u0666")),
        Arguments.of("order time before the epoch", "/api/v1/orders", "orders",
            List.of(String.valueOf(Long.MIN_VALUE), "1")),
        Arguments.of("order time after year 9999", "/api/v1/orders", "orders",
            List.of(String.valueOf(Long.MAX_VALUE), "1")),
        Arguments.of("order id 0", "/api/v1/orders", "orders", List.of("0", "0")),
        Arguments.of("one key for two", "/api/v1/orders", "orders", List.of("1")),
        Arguments.of("three keys for two", "/api/v1/orders", "orders", List.of("1", "1", "1")));
  }

  /** Rule 12: the signature proves who wrote a cursor, not that its position can exist. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("positionsNoRowCanHave")
  void aGenuineCursorWithAPositionNoRowCanHaveIsA400(String name, String path, String list,
      List<String> keys) {
    String cursor = cursors.encode(list, new TreeMap<>(), keys);

    var response = api.get(path + "?cursor=" + cursor);

    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.jsonBody().path("code").asString()).isEqualTo("INVALID_CURSOR");
  }

  /** Rule 16: each filter is bound as itself, so a value cannot pose as two filters. */
  @Test
  void aCursorIsRefusedUnderAValueThatSpellsOutTheFiltersItWasMadeUnder() {
    String color = "c" + UUID.randomUUID().toString().replace("-", "");
    data.product("Bound Lamp 1", 100, Map.of("color", color, "size", "S"));
    data.product("Bound Lamp 2", 100, Map.of("color", color, "size", "S"));
    String cursor = api.get("/api/v1/products?limit=1&attr.size=S&attr.color=" + color)
        .jsonBody().path("nextCursor").asString();

    var smuggled = api.get("/api/v1/products?limit=1&attr.color=" + color
        + "%2C%20size%3DS&cursor=" + cursor);

    assertThat(smuggled.status()).as(smuggled.body()).isEqualTo(400);
    assertThat(smuggled.jsonBody().path("code").asString()).isEqualTo("INVALID_CURSOR");
  }

  /** Rule 16: a search holding a newline, version 1's separator, still pages on. */
  @Test
  void aSearchWithANewlineAcceptsItsOwnNextCursor() {
    String word = "w" + UUID.randomUUID().toString().replace("-", "");
    data.product("Lamp " + word + " one", 100, Map.of());
    long second = data.product("Lamp " + word + " two", 100, Map.of());
    String search = "/api/v1/products?limit=1&q=" + word + "%0Alamp";
    String cursor = api.get(search).jsonBody().path("nextCursor").asString();

    var next = api.get(search + "&cursor=" + cursor);

    assertThat(next.status()).as(next.body()).isEqualTo(200);
    assertThat(next.jsonBody().path("items").get(0).path("id").asLong()).isEqualTo(second);
  }
}
