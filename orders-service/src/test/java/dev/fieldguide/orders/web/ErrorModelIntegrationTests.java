package dev.fieldguide.orders.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.NestedTestConfiguration;
import tools.jackson.databind.JsonNode;

/**
 * A5: every error path answers RFC 9457 problem+json with {@code code} and {@code traceId}, the
 * exact status, and nothing internal.
 */
@IntegrationTest
@NestedTestConfiguration(NestedTestConfiguration.EnclosingConfiguration.INHERIT)
class ErrorModelIntegrationTests {

  private static final String ECHO = "/lab/fixtures/echo";
  private static final String JSON = "application/json";

  @Autowired
  Api api;

  @Nested
  class BadBodies {

    @Test
    void malformedJsonIsA400WithoutParserDetails() {
      var response = api.post(ECHO, JSON, "{\"customerId\": ");

      JsonNode problem = assertProblem(response, 400, "MALFORMED_JSON");
      assertThat(problem.path("detail").asString())
          .isEqualTo("The request body is not valid JSON.");
    }

    @Test
    void aFieldOfTheWrongTypeIsNamed() {
      var response = api.post(ECHO, JSON, """
          {"customerId": 7, "lines": [{"productId": 1, "quantity": "three"}]}""");

      JsonNode problem = assertProblem(response, 400, "INVALID_FIELD_TYPE");
      assertThat(problem.path("errors").get(0).path("field").asString())
          .isEqualTo("lines[0].quantity");
    }

    @Test
    void everyInvalidFieldIsListed() {
      var response = api.post(ECHO, JSON, """
          {"lines": [{"productId": 1, "quantity": 0}]}""");

      JsonNode problem = assertProblem(response, 400, "VALIDATION_FAILED");
      assertThat(problem.path("errors").valueStream()
          .map(e -> e.path("field").asString() + " " + e.path("message").asString()))
          .containsExactlyInAnyOrder("customerId must not be null",
              "lines[0].quantity must be greater than 0");
    }

    @Test
    void aMissingBodyIsA400() {
      var response = api.post(ECHO, JSON, "");

      assertProblem(response, 400, "MISSING_BODY");
    }

    @Test
    void aWrongContentTypeIsA415() {
      var response = api.post(ECHO, "text/plain", "hello");

      assertProblem(response, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void aDeclaredBodyOverTheLimitIsRefusedBeforeReading() {
      var response = api.post(ECHO, JSON, "{\"note\": \"" + "x".repeat(1_100_000) + "\"}");

      assertProblem(response, 413, "CONTENT_TOO_LARGE");
    }

    @Test
    void aChunkedBodyOverTheLimitIsCutOffWhileReading() {
      byte[] body = ("{\"note\": \"" + "x".repeat(1_100_000) + "\"}").getBytes(UTF_8);
      // ofInputStream has no known length, so the client sends it chunked.
      var response = api.send("POST", ECHO,
          HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)),
          Map.of("Content-Type", JSON));

      assertProblem(response, 413, "CONTENT_TOO_LARGE");
    }

    @Test
    void aValidBodyPassesUnchanged() {
      var response = api.post(ECHO, JSON, """
          {"customerId": 7, "lines": [{"productId": 1, "quantity": 2}]}""");

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.jsonBody().path("lines").get(0).path("quantity").asInt()).isEqualTo(2);
    }
  }

  @Nested
  class BadUrls {

    @Test
    void aNonNumericIdIsA400NotA500() {
      var response = api.get("/api/v1/products/abc");

      JsonNode problem = assertProblem(response, 400, "INVALID_PARAMETER");
      assertThat(problem.path("detail").asString())
          .isEqualTo("Parameter 'id' must be a whole number.");
    }

    @Test
    void anUnknownProductIsA404WithADomainCode() {
      var response = api.get("/api/v1/products/987654321");

      JsonNode problem = assertProblem(response, 404, "PRODUCT_NOT_FOUND");
      assertThat(problem.path("detail").asString()).isEqualTo("No product with id 987654321.");
      assertThat(problem.path("instance").asString()).isEqualTo("/api/v1/products/987654321");
    }

    @Test
    void anUnknownPathIsA404() {
      assertProblem(api.get("/api/v1/no-such-thing"), 404, "NOT_FOUND");
    }

    @Test
    void anUnsupportedMethodIsA405ThatSaysWhatIsAllowed() {
      var response = api.send("DELETE", "/api/v1/products/1", HttpRequest.BodyPublishers.noBody(),
          Map.of());

      assertProblem(response, 405, "METHOD_NOT_ALLOWED");
      assertThat(response.header("Allow")).contains("GET");
    }

    /** {@code AuditController} is {@code @Validated}: its proxy, not Spring MVC, refuses. */
    @Test
    void aMethodValidationFailureOfAValidatedControllerIsA400ListingTheParameter() {
      var response = api.get("/admin/audit?limit=0");

      JsonNode problem = assertProblem(response, 400, "VALIDATION_FAILED");
      assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("limit");
      assertThat(problem.path("errors").get(0).path("message").asString())
          .isEqualTo("must be greater than or equal to 1");
    }

    @Test
    void problemsAreJsonEvenWhenTheClientAsksForHtml() {
      var response = api.get("/api/v1/products/abc", Map.of("Accept", "text/html"));

      assertProblem(response, 400, "INVALID_PARAMETER");
    }
  }

  @Nested
  class DomainRefusals {

    @Test
    void aRefusalNamesItsCodeAndTheFieldsAtFaultAndNothingElse() {
      var response = api.post("/api/v1/orders", """
          {"customerId": 987654321, "lines": [{"productId": 1, "quantity": 1}]}""",
          Map.of("Content-Type", JSON, "Idempotency-Key", UUID.randomUUID().toString()));

      JsonNode problem = assertProblem(response, 404, "CUSTOMER_NOT_FOUND");
      assertThat(problem.propertyNames()).containsExactlyInAnyOrder("type", "title", "status",
          "detail", "instance", "code", "errors", "traceId");
      assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("customerId");
    }

    @Test
    void aRefusalAboutNoFieldHasNoErrorsMember() {
      JsonNode problem = assertProblem(api.get("/api/v1/orders/987654321"), 404,
          "ORDER_NOT_FOUND");

      assertThat(problem.has("errors")).isFalse();
    }
  }

  @Nested
  class UnexpectedFailures {

    @Test
    void aFailureIsA500ThatLeaksNothing() {
      var response = api.get("/lab/fixtures/boom");

      JsonNode problem = assertProblem(response, 500, "INTERNAL_ERROR");
      assertThat(problem.path("detail").asString()).doesNotContain("SELECT");
      assertThat(response.body()).doesNotContain("hunter2", "IllegalStateException", "at dev.");
    }
  }

  @Nested
  class Correlation {

    @Test
    void aSafeRequestIdIsEchoed() {
      var response = api.get("/api/v1/products/abc", Map.of("X-Request-ID", "client-42"));

      assertThat(response.header("X-Request-ID")).isEqualTo("client-42");
    }

    @Test
    void aMissingOrUnsafeRequestIdIsReplacedByAGeneratedOne() {
      var missing = api.get("/actuator/info");
      var unsafe = api.get("/actuator/info", Map.of("X-Request-ID", "a b\"<script>"));

      assertThat(missing.header("X-Request-ID")).matches("[0-9a-f-]{36}");
      assertThat(unsafe.header("X-Request-ID")).matches("[0-9a-f-]{36}");
    }

    @Test
    void theTraceIdContinuesAnIncomingW3cTrace() {
      var response = api.get("/api/v1/products/abc",
          Map.of("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));

      assertThat(response.jsonBody().path("traceId").asString())
          .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }
  }

  /** Asserts the full contract of DESIGN §6 and returns the body for specific checks. */
  static JsonNode assertProblem(Api.Response response, int status, String code) {
    assertThat(response.status()).as("status").isEqualTo(status);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.header("X-Request-ID")).isNotBlank();
    // Whoever wrote it (advice, filter, error page), a refusal carries the security headers.
    assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(response.header("Cache-Control")).contains("no-store");
    JsonNode problem = response.jsonBody();
    assertThat(problem.path("type").asString()).isEqualTo("about:blank");
    assertThat(problem.path("title").asString()).isNotBlank();
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("detail").asString()).isNotBlank();
    assertThat(problem.path("instance").asString()).startsWith("/");
    assertThat(problem.path("code").asString()).isEqualTo(code);
    assertThat(problem.path("traceId").asString()).matches("[0-9a-f]{32}");
    return problem;
  }
}
