package dev.fieldguide.orders.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.support.RawHttp;
import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.TestData;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rule 7: PostgreSQL refuses U+0000 in {@code text} and {@code jsonb}, so a NUL that reached it
 * was a 500. Each input below did; now each is a 400 {@code NUL_CHARACTER} at the edge (the query
 * string in {@code RequestSyntax}, a JSON string or member name in {@code CheckedJsonParser}),
 * and the row it aimed at is unchanged.
 */
@IntegrationTest
class NulCharacterIntegrationTests {

  @Autowired
  Api api;

  @Autowired
  TestData data;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  Environment environment;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      product search      | GET   | /api/v1/products?q=lamp%00x         |
      attribute filter    | GET   | /api/v1/products?attr.color=red%00  |
      audit actor         | GET   | /admin/audit?actor=ops%00           |
      product name        | PATCH | /api/v1/products/PRODUCT            | {"name": "Lamp\\u0000"}
      nested attribute    | PATCH | /api/v1/products/PRODUCT            | {"attributes": {"note": "a\\u0000b"}}
      job argument name   | POST  | /api/v1/jobs                        | {"type": "echo", "arguments": {"no\\u0000te": 1}}
      job arguments       | POST  | /api/v1/jobs                        | {"type": "echo", "arguments": {"deep": ["\\u0000"]}}
      """)
  void aNulIsRefusedBeforePostgresSeesIt(String name, String method, String path,
      String body) {
    long product = data.product("Nul Lamp", 1_000, Map.of("note", "kept"));

    var response = api.send(method, path.replace("PRODUCT", String.valueOf(product)),
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body),
        Map.of("Content-Type", "application/json"));

    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.jsonBody().path("code").asString()).isEqualTo("NUL_CHARACTER");
    assertThat(jdbc.sql("SELECT name || ' ' || attributes::text FROM products WHERE id = ?")
        .param(product).query(String.class).single())
        .isEqualTo("Nul Lamp {\"note\": \"kept\"}");
  }

  /** A raw NUL in a header value never gets past Tomcat's request parser. */
  @Test
  void aNulInAHeaderIsRefusedByTheContainer() {
    var answer = RawHttp.request(
        environment.getRequiredProperty("local.server.port", Integer.class), "POST",
        "/api/v1/orders", Map.of("Content-Type", "application/json",
            "Idempotency-Key", "key\0nul"),
        "{}".getBytes(UTF_8));

    assertThat(answer.status()).as(answer.describe()).isEqualTo(400);
    // Refused by the container before any filter of ours: ProblemReportValve's answer.
    assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(answer.body()).as(answer.describe()).contains("\"code\":\"BAD_REQUEST\"")
        .contains("The request is not valid HTTP.");
  }
}
