package dev.fieldguide.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The gRPC lab against the running service: each of its four observations holds. */
@IntegrationTest
class GrpcLabIntegrationTests {

  @Autowired
  Api api;

  @Test
  void everyPhaseOfTheGrpcLabPasses() {
    var response = LabRunsClient.runToEnd(api, "grpc");

    assertThat(response.status()).isEqualTo(200);
    JsonNode phases = response.jsonBody().path("phases");
    assertThat(phases).hasSize(4);
    assertThat(phases.valueStream().filter(p -> !p.path("passed").asBoolean())
        .map(p -> p.path("name").asString() + " " + p.path("measured"))).isEmpty();
  }
}
