package dev.fieldguide.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The graphql lab posts the batched and the one-by-one query over loopback and counts each
 * request's statements on the server. The 50 newest orders here each have their own customer and
 * three products, so one by one costs exactly 2 + 50 + 150.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphQlLabIntegrationTests {

  @Autowired
  Api api;

  @Autowired
  TestData data;

  @BeforeAll
  void fiftyOrdersWithThreeLinesEach() {
    data.orders(50, 3);
  }

  @Test
  void everyPhaseOfTheGraphQlLabPasses() {
    var response = LabRunsClient.runToEnd(api, "graphql");

    assertThat(response.status()).isEqualTo(200);
    JsonNode phases = response.jsonBody().path("phases");
    assertThat(phases).hasSize(6);
    assertThat(phases.valueStream().filter(p -> !p.path("passed").asBoolean())
        .map(p -> p.path("name").asString() + " " + p.path("measured"))).isEmpty();
  }

  @Test
  void theReportComparesTheCountsSideBySide() {
    var response = LabRunsClient.runToEndAsText(api, "graphql");

    assertThat(response.body())
        .contains("[PASS] batched: 4 statements, one-by-one: 202 statements (page 50)")
        .endsWith("result: PASS (6/6 observations held)\n");
  }
}
