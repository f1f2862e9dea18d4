package dev.fieldguide.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * Customers of the demo seed (ids 1..50) reading their own order list, each with its own bearer
 * token: the authenticated path (token verification, per-caller rate limit, object-level filter)
 * under load.
 */
public final class OrderListSimulation extends Simulation {

  private static final String BASE_URL = System.getenv().getOrDefault("FIELDGUIDE_URL",
      "http://localhost:8080");

  private final List<Map<String, Object>> customers = LongStream.rangeClosed(1, 50)
      .mapToObj(id -> Map.<String, Object>of("token", DevTokens.customer(BASE_URL, id)))
      .toList();

  private final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
      .acceptHeader("application/json");

  private final ScenarioBuilder listOwnOrders = scenario("list own orders")
      .feed(listFeeder(customers).circular())
      .exec(http("GET own orders").get("/api/v1/orders?limit=20")
          .header("Authorization", "Bearer #{token}").check(status().is(200)));

  {
    setUp(listOwnOrders.injectOpen(constantUsersPerSec(50).during(Duration.ofSeconds(20))))
        .protocols(protocol)
        .assertions(global().failedRequests().percent().lt(1.0));
  }
}
