package dev.fieldguide.orders.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Bad list parameters get a 400 problem with a precise code, never a 500. */
@IntegrationTest
class ListEndpointBadInputIntegrationTests {

  @Autowired
  Api api;

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
}
