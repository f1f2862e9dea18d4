package dev.fieldguide.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The probes and the scrape endpoint that compose, k8s and Prometheus rely on. */
@IntegrationTest
class ActuatorEndpointsIntegrationTests {

  @Autowired
  Api api;

  @Test
  void livenessAndReadinessAreUp() {
    for (String probe : new String[]{"liveness", "readiness"}) {
      var response = api.get("/actuator/health/" + probe);

      assertThat(response.status()).as(probe).isEqualTo(200);
      assertThat(response.jsonBody().path("status").asString()).as(probe).isEqualTo("UP");
    }
  }

  @Test
  void readinessChecksTheDatabase() {
    var response = api.get("/actuator/health/readiness?show-details=always");

    assertThat(response.body()).contains("\"status\":\"UP\"");
    assertThat(api.get("/actuator/health").status()).isEqualTo(200);
  }

  @Test
  void prometheusScrapeHasHttpAndPoolSeries() {
    api.get("/api/v1/products/abc"); // at least one request to record

    var scrape = api.get("/actuator/prometheus");

    assertThat(scrape.status()).isEqualTo(200);
    assertThat(scrape.body()).contains("http_server_requests_seconds_count",
        "hikaricp_connections_active", "jvm_threads_live_threads");
  }
}
