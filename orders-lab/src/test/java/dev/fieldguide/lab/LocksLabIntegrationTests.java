package dev.fieldguide.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The locks lab runs its stale-writer and non-owner-release scenarios inside the service. */
@IntegrationTest
class LocksLabIntegrationTests {

  @Autowired
  Api api;

  @Test
  void everyPhaseOfTheLocksLabPasses() {
    var response = LabRunsClient.runToEnd(api, "locks");

    assertThat(response.status()).isEqualTo(200);
    JsonNode phases = response.jsonBody().path("phases");
    assertThat(phases).hasSize(3);
    assertThat(phases.valueStream().filter(p -> !p.path("passed").asBoolean())
        .map(p -> p.path("name").asString() + " " + p.path("measured"))).isEmpty();
  }
}
