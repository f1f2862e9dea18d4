package dev.fieldguide.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The errors lab runs every bad input against the live service and reports each as a phase. */
@IntegrationTest
class ErrorsLabIntegrationTests {

  @Autowired
  Api api;

  @Test
  void everyPhaseOfTheErrorsLabPasses() {
    var response = LabRunsClient.runToEnd(api, "errors");

    assertThat(response.status()).isEqualTo(200);
    JsonNode phases = response.jsonBody().path("phases");
    assertThat(phases).hasSize(BadRequests.ALL.size());
    assertThat(phases.valueStream().filter(p -> !p.path("passed").asBoolean())
        .map(p -> p.path("name").asString() + " " + p.path("measured"))).isEmpty();
  }

  @Test
  void theTextReportEndsWithTheLineTheLabScriptChecks() {
    var response = LabRunsClient.runToEndAsText(api, "errors");

    assertThat(response.body().strip().lines().reduce((a, b) -> b))
        .hasValue("result: PASS (%d/%d observations held)".formatted(BadRequests.ALL.size(),
            BadRequests.ALL.size()));
  }

  @Test
  void listsTheLabsForLabAll() {
    assertThat(api.get("/lab", Map.of("Accept", "text/plain")).body().lines()).contains("errors");
  }

  @Test
  void anUnknownLabIsA404Problem() {
    var response = LabRunsClient.start(api, "no-such-lab");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.jsonBody().path("code").asString()).isEqualTo("LAB_NOT_FOUND");
  }

  @Test
  void aReportWithAFailedPhaseFails() {
    var report = new LabReport("x", "claim", java.util.List.of(
        new LabReport.Phase("ok", java.util.Map.of(), "holds", true),
        new LabReport.Phase("broken", java.util.Map.of(), "holds", false)));

    assertThat(report.passed()).isFalse();
    assertThat(report.render()).endsWith("result: FAIL (1/2 observations held)\n");
  }
}
