package dev.fieldguide.orders.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.security.DevTokenIssuer;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.RawHttp;
import dev.fieldguide.orders.support.TestData;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A2 against a hostile client: however the orders route is spelled on the wire (percent-encoded,
 * doubled or dotted segments, path parameters, a trailing slash, another case, absolute form), a
 * POST without a key places nothing, and one key places at most one order. The key is required,
 * and the request fingerprinted, by the route Spring MVC dispatches to, not by the raw URI.
 */
@IntegrationTest
class IdempotencyKeyPathSpellingIntegrationTests {

  /** Spellings of {@code /api/v1/orders}; {@code {port}} is the server's. */
  static List<String> spellings() {
    return List.of("/api/v1/orders", "/api/v1/%6Frders", "/api/v1/%6frders", "/%61pi/v1/orders",
        "/api/v1/ord%65rs", "/api/%76%31/orders", "/%61%70%69/%76%31/%6F%72%64%65%72%73",
        "/api/v1/%6F%72%64%65%72%73?customerId=1", "//api/v1/orders", "/api//v1/orders",
        "/api/v1//orders", "/api/./v1/orders", "/api/v1/./orders", "/api/v1/x/../orders",
        "/api/v1/%2E/orders", "/api/v1/orders/.", "/api/v1/orders;jsessionid=0123456789ABCDEF",
        "/api;x=1/v1/orders", "/api/v1/orders;", "/api/v1/orders/", "/api/v1/orders//",
        "/api/v1/orders%2F", "/api%2Fv1%2Forders", "/api/v1/orders%20", "/api/v1/orders%00",
        "/api/v1/orders%3B", "/api/v1/orders.json", "/api/v1/%256Frders", "/API/v1/orders",
        "/api/v1/Orders", "/api\\v1\\orders", "http://127.0.0.1:{port}/api/v1/orders",
        "http://127.0.0.1:{port}/%61pi/v1/orders", "/api/v1/orders?x=1");
  }

  @Autowired
  Environment environment;

  @Autowired
  DevTokenIssuer tokens;

  @Autowired
  TestData data;

  @Autowired
  JdbcClient jdbc;

  @ParameterizedTest(name = "{0}")
  @MethodSource("spellings")
  void withoutAKeyNoSpellingPlacesAnOrder(String spelling) {
    Order order = newOrder();

    var response = post(spelling, order.body(), null);

    assertThat(response.status()).as(response.describe()).isIn(400, 404);
    // Whoever refuses it (the container, the firewall, MVC), the answer is a problem.
    assertThat(response.header("Content-Type")).as(response.describe())
        .isEqualTo("application/problem+json");
    assertThat(ordersOf(order.customer())).as("orders placed without a key").isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("spellings")
  void oneKeyPlacesAtMostOneOrderOnAnySpelling(String spelling) {
    Order order = newOrder();
    String key = UUID.randomUUID().toString();

    var first = post(spelling, order.body(), key);
    var second = post(spelling, order.body(), key);

    assertThat(ordersOf(order.customer())).as(first.describe()).isLessThanOrEqualTo(1);
    if (first.status() == 201) {
      assertThat(second.header(IdempotencyKeyFilter.REPLAYED).equals("true"))
          .as(second.describe())
          .isTrue();
    }
  }

  @Test
  void aKeyUsedOnTheRouteIsTheSameKeyOnEverySpellingOfIt() {
    Order order = newOrder();
    String key = UUID.randomUUID().toString();
    assertThat(post("/api/v1/orders", order.body(), key).status()).isEqualTo(201);

    for (String spelling : spellings()) {
      var again = post(spelling, order.body(), key);

      assertThat(ordersOf(order.customer())).as(spelling + ": " + again.describe()).isEqualTo(1);
      if (again.status() == 201) {
        assertThat(again.header(IdempotencyKeyFilter.REPLAYED).equals("true"))
            .as(spelling + " is a replay, not a new order with the same fingerprint").isTrue();
      }
    }
  }

  private RawHttp.Answer post(String spelling, String body, @Nullable String key) {
    int port = environment.getRequiredProperty("local.server.port", Integer.class);
    Map<String, String> headers = new HashMap<>(Map.of("Content-Type", "application/json",
        "Authorization", "Bearer " + tokens.admin("test-admin")));
    if (key != null) {
      headers.put(IdempotencyKeyFilter.HEADER, key);
    }
    return RawHttp.request(port, "POST", spelling.replace("{port}", String.valueOf(port)), headers,
        body);
  }

  private Order newOrder() {
    long customer = data.customer();
    long product = data.productWithStock(900, 100);
    return new Order(customer,
        "{\"customerId\": %d, \"lines\": [{\"productId\": %d, \"quantity\": 1}]}"
            .formatted(customer, product));
  }

  private long ordersOf(long customer) {
    return jdbc.sql("SELECT count(*) FROM orders WHERE customer_id = ?").param(customer)
        .query(Long.class).single();
  }

  private record Order(long customer, String body) {}
}
