package dev.fieldguide.orders.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** O3: every API request ends with one access line that carries its ids, path and status. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class AccessLogIntegrationTests {

  @Autowired
  Api api;

  @Test
  void requestEndsWithOneAccessLineCarryingTraceRequestIdAndStatus(CapturedOutput output) {
    String traceId = UUID.randomUUID().toString().replace("-", "");
    String requestId = "access-" + UUID.randomUUID();

    api.get("/api/v1/products/999999999", Map.of("traceparent",
        "00-" + traceId + "-00f067aa0ba902b7-01", "X-Request-ID", requestId));

    // The line is written after the response has gone out, so the client can be faster.
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
        output.getAll().lines().filter(line -> line.contains("req=" + requestId)))
        .filteredOn(line -> line.contains("dev.fieldguide.orders.access")).singleElement()
        .asString().contains("trace=" + traceId).contains("GET /api/v1/products/999999999 404 in"));
  }

  @Test
  void theAccessLineSaysWhichCallerMadeTheRequest(CapturedOutput output) {
    String requestId = "who-" + UUID.randomUUID();

    api.get("/api/v1/orders?limit=1", Map.of("X-Request-ID", requestId)); // as Api's test-admin

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
        output.getAll().lines().filter(line -> line.contains("req=" + requestId)))
        .filteredOn(line -> line.contains("dev.fieldguide.orders.access")).singleElement()
        .asString().contains("user=test-admin"));
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
}
