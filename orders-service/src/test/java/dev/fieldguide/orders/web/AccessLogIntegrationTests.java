package dev.fieldguide.orders.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.CapturedSpans;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.JsonLogLines;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * O3: every API request ends with one access line, a JSON object in the api role, with its method,
 * path, status, duration, request and trace ids and caller; probes and scrapes write none.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class AccessLogIntegrationTests {

  private static final String ACCESS_LOGGER = "dev.fieldguide.orders.access";

  @Autowired
  Api api;

  @Autowired
  CapturedSpans spans;

  /**
   * The line as the api role writes it, one JSON object, with each fact in its own field: what a
   * log pipeline indexes without parsing the message.
   */
  @Test
  void requestEndsWithOneJsonAccessLineCarryingItsFields() {
    String traceId = UUID.randomUUID().toString().replace("-", "");
    String requestId = "access-" + UUID.randomUUID();

    JsonNode line = accessLineOf(requestId, () -> api.get("/api/v1/products/999999999",
        Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01", "X-Request-ID",
            requestId)));

    assertThat(line.path("logger_name").asString()).isEqualTo(ACCESS_LOGGER);
    assertThat(line.path("method").asString()).isEqualTo("GET");
    assertThat(line.path("path").asString()).isEqualTo("/api/v1/products/999999999");
    assertThat(line.path("status").asString()).isEqualTo("404");
    assertThat(line.path("trace_id").asString()).isEqualTo(traceId);
    assertThat(line.path("span_id").asString()).as("the request's server span")
        .isEqualTo(spans.serverSpan(traceId, "GET /api/v1/products/999999999").getSpanId());
    assertThat(line.path("user_id").asString()).isEqualTo("test-admin");
    assertThat(line.path("duration_ms").isIntegralNumber()).as("duration_ms a number").isTrue();
    assertThat(line.path("message").asString()).isEqualTo(
        "GET /api/v1/products/999999999 404 in " + line.path("duration_ms").asLong() + " ms");
  }

  @Test
  void theAccessLineSaysWhichCallerMadeTheRequest() {
    String requestId = "who-" + UUID.randomUUID();

    JsonNode asAdmin = accessLineOf(requestId,
        () -> api.get("/api/v1/orders?limit=1", Map.of("X-Request-ID", requestId)));
    String anonymousId = "anonymous-" + UUID.randomUUID();
    JsonNode anonymous = accessLineOf(anonymousId,
        () -> api.anonymous().get("/api/v1/products/999999999",
            Map.of("X-Request-ID", anonymousId)));

    assertThat(asAdmin.path("user_id").asString()).isEqualTo("test-admin");
    assertThat(anonymous.has("user_id")).as("no caller, no user_id").isFalse();
  }

  @Test
  void probesAndScrapesAreNotLogged(CapturedOutput output) {
    String requestId = "probe-" + UUID.randomUUID();

    api.get("/actuator/health/liveness", Map.of("X-Request-ID", requestId));
    String marker = "marker-" + UUID.randomUUID();
    api.get("/api/v1/products/999999999", Map.of("X-Request-ID", marker));

    // Once the later request's line is out, the probe's would have been too.
    await().atMost(Duration.ofSeconds(10)).until(() -> output.getAll().contains("req=" + marker));
    assertThat(output.getAll()).doesNotContain("req=" + requestId);
  }

  /** The one JSON access line of the request {@code send} makes with {@code requestId}. */
  private static JsonNode accessLineOf(String requestId, Runnable send) {
    try (JsonLogLines lines = JsonLogLines.of(ACCESS_LOGGER)) {
      send.run();
      // The line is written after the response has gone out, so the client can be faster.
      return await().atMost(Duration.ofSeconds(10)).until(() -> lines.lines().stream()
          .filter(line -> line.path("request_id").asString().equals(requestId)).toList(),
          matching -> matching.size() == 1).getFirst();
    }
  }
}
