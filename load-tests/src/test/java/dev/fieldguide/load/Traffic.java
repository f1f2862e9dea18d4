package dev.fieldguide.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * The simulations' shared pieces: where the service is, how much load, and the scenarios.
 *
 * <p>{@code FIELDGUIDE_URL} (default {@code http://localhost:8080}) names the service;
 * {@code FIELDGUIDE_LOAD_RATE} (users per second, default 50) and {@code FIELDGUIDE_LOAD_SECONDS}
 * (default 20) shape each scenario's arrivals, so CI can keep load on the service for as long as
 * its labs run.
 */
final class Traffic {

  static final String BASE_URL = System.getenv().getOrDefault("FIELDGUIDE_URL",
      "http://localhost:8080");

  private Traffic() {}

  static HttpProtocolBuilder protocol() {
    return http.baseUrl(BASE_URL).acceptHeader("application/json");
  }

  /** Users arriving at the configured rate for the configured time. */
  static OpenInjectionStep arrivals() {
    return constantUsersPerSec(Double.parseDouble(setting("FIELDGUIDE_LOAD_RATE", "50")))
        .during(Duration.ofSeconds(Long.parseLong(setting("FIELDGUIDE_LOAD_SECONDS", "20"))));
  }

  /** Anonymous reads of one demo product: the cached path. */
  static ScenarioBuilder readProduct() {
    return scenario("read product 1")
        .exec(http("GET product").get("/api/v1/products/1").check(status().is(200)));
  }

  /**
   * Customers of the demo seed (ids 1..50) reading their own order list, each with its own bearer
   * token: the authenticated path (token verification, per-caller rate limit, object-level filter).
   */
  static ScenarioBuilder listOwnOrders() {
    List<Map<String, Object>> customers = LongStream.rangeClosed(1, 50)
        .mapToObj(id -> Map.<String, Object>of("token", DevTokens.customer(BASE_URL, id)))
        .toList();
    return scenario("list own orders")
        .feed(listFeeder(customers).circular())
        .exec(http("GET own orders").get("/api/v1/orders?limit=20")
            .header("Authorization", "Bearer #{token}").check(status().is(200)));
  }

  private static String setting(String name, String fallback) {
    return System.getenv().getOrDefault(name, fallback);
  }
}
