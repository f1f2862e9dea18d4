package dev.fieldguide.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;

/** Reads one demo product at a steady rate; the first simulation, later issues add one per topic. */
public final class ProductReadSimulation extends Simulation {

  private static final String BASE_URL = System.getenv().getOrDefault("FIELDGUIDE_URL",
      "http://localhost:8080");

  private final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
      .acceptHeader("application/json");

  private final ScenarioBuilder readProduct = scenario("read product 1")
      .exec(http("GET product").get("/api/v1/products/1").check(status().is(200)));

  {
    setUp(readProduct.injectOpen(constantUsersPerSec(50).during(Duration.ofSeconds(20))))
        .protocols(protocol)
        .assertions(global().failedRequests().percent().lt(1.0));
  }
}
