package dev.fieldguide.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * T2: the lab-enabled application serves the service's API document and nothing more: none of the
 * labs' or the fixtures' routes, so the contract a developer browses locally is the committed one.
 */
@IntegrationTest
class LabApiDocsIntegrationTests {

  private static final Path CONTRACT = Path.of("../docs/api/openapi.json");

  @Autowired
  Api api;

  @Autowired
  JsonMapper json;

  @Test
  void theLabServesTheServicesContractWithoutItsOwnRoutes() throws IOException {
    JsonNode served = json.readTree(api.anonymous().get("/v3/api-docs").body());

    assertThat(served.path("paths").propertyNames()).isNotEmpty()
        .noneMatch(path -> path.startsWith("/lab") || path.startsWith("/api/lab"));
    assertThat(served).isEqualTo(json.readTree(Files.readString(CONTRACT)));
  }
}
