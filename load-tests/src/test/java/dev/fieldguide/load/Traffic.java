package dev.fieldguide.load;

import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * The simulations' shared pieces: where the service is, the protocol, and the two scenarios of
 * the mixed foreign load CI keeps on the service while its labs run.
 *
 * <p>{@code FIELDGUIDE_URL} (default {@code http://localhost:8080}) names the service; how much
 * load comes from {@link LoadProfile}.
 */
final class Traffic {

  static final String BASE_URL = setting("FIELDGUIDE_URL", "http://localhost:8080");

  private Traffic() {}

  static HttpProtocolBuilder protocol() {
    return http.baseUrl(BASE_URL).acceptHeader("application/json")
        .contentTypeHeader("application/json");
  }

  /** Users arriving at the profile's rate for the profile's time. */
  static OpenInjectionStep arrivals() {
    return LoadProfile.current().arrivals(1);
  }

  /** Anonymous reads of one demo product: the cached path. */
  static ScenarioBuilder readProduct() {
    return scenario("read product 1")
        .exec(http("GET product").get("/api/v1/products/1").check(status().is(200)));
  }

  /**
   * Customers of the demo seed reading their own order list, each with its own bearer token: the
   * authenticated path (token verification, per-caller rate limit, object-level filter).
   */
  static ScenarioBuilder listOwnOrders() {
    return scenario("list own orders").feed(Callers.customers(1, 50))
        .exec(http("GET own orders").get("/api/v1/orders?limit=20")
            .header("Authorization", "Bearer #{token}").check(status().is(200)));
  }

  static String setting(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
