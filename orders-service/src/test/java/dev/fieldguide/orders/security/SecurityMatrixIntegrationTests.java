package dev.fieldguide.orders.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.SetCookies;
import dev.fieldguide.orders.support.TestData;
import dev.fieldguide.orders.support.TestTokens;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * A4 as a matrix: every endpoint of the service, called by each kind of caller, answers exactly
 * the expected status. 401 without a valid token (none, expired, minted for another API), 403 for
 * a role the endpoint does not grant, 404 for another customer's order, 2xx otherwise. A new
 * endpoint without a row here fails {@link #everyEndpointHasARow}.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityMatrixIntegrationTests {

  /** The callers, in the column order of {@link Row#expected}. */
  enum Caller {
    NONE, EXPIRED, WRONG_AUDIENCE, CUSTOMER, OTHER_CUSTOMER, ADMIN
  }

  private static final RSAKey KEY = TestTokens.newKey("matrix-" + UUID.randomUUID());

  @Autowired
  Api api;

  @Autowired
  TestData data;

  @Autowired
  ApiSecurityProperties security;

  @Autowired
  @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  private long customer;
  private long otherCustomer;
  private long product;
  private long order;
  private final Map<Caller, Api> callers = new HashMap<>();

  @BeforeAll
  void callersAndData() {
    TestTokens.publish(Objects.requireNonNull(security.jwkSetFile()), List.of(KEY));
    customer = data.customer();
    otherCustomer = data.customer();
    product = data.productWithStock(1_000, 10_000);
    order = data.orderOf(customer, product);
    Instant past = Instant.now().minus(Duration.ofMinutes(20));
    callers.put(Caller.NONE, api.anonymous());
    callers.put(Caller.EXPIRED, api.as(TestTokens.sign(KEY, TestTokens.customer(customer),
        claims -> claims.issueTime(Date.from(past))
            .expirationTime(Date.from(past.plus(Duration.ofMinutes(10)))))));
    callers.put(Caller.WRONG_AUDIENCE, api.as(TestTokens.sign(KEY, TestTokens.admin("ops"),
        claims -> claims.audience("another-api"))));
    callers.put(Caller.CUSTOMER, api.as(TestTokens.sign(KEY, TestTokens.customer(customer))));
    callers.put(Caller.OTHER_CUSTOMER,
        api.as(TestTokens.sign(KEY, TestTokens.customer(otherCustomer))));
    callers.put(Caller.ADMIN, api.as(TestTokens.sign(KEY, TestTokens.admin("ops"))));
  }

  /** The endpoints and what each caller gets; {@code {id}}-style parts filled in per run. */
  List<Row> rows() {
    String orderBody = "{\"customerId\": %d, \"lines\": [{\"productId\": %d, \"quantity\": 1}]}"
        .formatted(customer, product);
    String random = UUID.randomUUID().toString();
    return List.of(
        // the catalogue: public reads, admin writes
        row("GET", "/api/v1/products", "/api/v1/products?limit=1", null, 200, 401, 401, 200, 200,
            200),
        row("GET", "/api/v1/products/{id}", "/api/v1/products/" + product, null, 200, 401, 401, 200,
            200, 200),
        row("GET", "/api/v1/products/{id}/views", "/api/v1/products/" + product + "/views", null,
            200, 401, 401, 200, 200, 200),
        row("GET", "/api/v1/products/{productId}/promotion",
            "/api/v1/products/" + product + "/promotion", null, 404, 401, 401, 404, 404, 404),
        row("PATCH", "/api/v1/products/{id}", "/api/v1/products/" + product,
            "{\"name\": \"Matrix lamp\"}", 401, 401, 401, 403, 403, 200),
        // orders: customers see their own (another's is a 404), admins all
        row("GET", "/api/v1/orders", "/api/v1/orders", null, 401, 401, 401, 200, 200, 200),
        row("GET", "/api/v1/orders/summaries", "/api/v1/orders/summaries", null, 401, 401, 401, 200,
            200, 200),
        row("GET", "/api/v1/orders/{id}", "/api/v1/orders/" + order, null, 401, 401, 401, 200, 404,
            200),
        row("POST", "/api/v1/orders", "/api/v1/orders", orderBody, 401, 401, 401, 201, 403, 201),
        row("GET", "/api/v2/orders", "/api/v2/orders", null, 401, 401, 401, 200, 200, 200),
        row("POST", "/graphql", "/graphql", "{\"query\": \"{ orders(first: 1) { nextCursor } }\"}",
            401, 401, 401, 200, 200, 200),
        row("GET", "/api/v2/orders/{id}", "/api/v2/orders/" + order, null, 401, 401, 401, 200, 404,
            200),
        row("GET", "/api/v2/orders/{id}/notifications", "/api/v2/orders/" + order
            + "/notifications", null, 401, 401, 401, 200, 404, 200),
        // operators only: reports, jobs, /admin, lab runs, actuator beyond probes and scrapes
        row("GET", "/api/v1/reports/daily-sales",
            "/api/v1/reports/daily-sales?from=2026-02-01&to=2026-01-01", null, 401, 401, 401, 403,
            403, 400),
        row("POST", "/api/v1/jobs", "/api/v1/jobs", "{}", 401, 401, 401, 403, 403, 400),
        row("GET", "/api/v1/jobs/{runId}", "/api/v1/jobs/" + random, null, 401, 401, 401, 403, 403,
            404),
        row("POST", "/api/v1/jobs/chains", "/api/v1/jobs/chains", "{}", 401, 401, 401, 403, 403,
            400),
        row("GET", "/api/v1/jobs/chains/{chainId}", "/api/v1/jobs/chains/" + random, null, 401, 401,
            401, 403, 403, 404),
        row("POST", "/api/v1/jobs/groups", "/api/v1/jobs/groups", "{}", 401, 401, 401, 403, 403,
            400),
        row("GET", "/api/v1/jobs/groups/{groupId}", "/api/v1/jobs/groups/" + random, null, 401, 401,
            401, 403, 403, 404),
        row("POST", "/admin/jobs/{runId}/redrive", "/admin/jobs/" + random + "/redrive", null, 401,
            401, 401, 403, 403, 404),
        row("POST", "/admin/outbox/dead/redrive", "/admin/outbox/dead/redrive", null, 401, 401, 401,
            403, 403, 200),
        row("GET", "/admin/inbox/dead-letters", "/admin/inbox/dead-letters?limit=1", null, 401,
            401, 401, 403, 403, 200),
        row("POST", "/admin/inbox/dead-letters/{id}/redrive",
            "/admin/inbox/dead-letters/" + Long.MAX_VALUE + "/redrive", null, 401, 401, 401, 403,
            403, 404),
        row("GET", "/admin/orders/stale-pending", "/admin/orders/stale-pending?limit=1", null, 401,
            401, 401, 403, 403, 200),
        row("GET", "/admin/db/top-statements", "/admin/db/top-statements", null, 401, 401, 401, 403,
            403, 200),
        row("POST", "/admin/products/{productId}/promotions",
            "/admin/products/" + product + "/promotions", "{}", 401, 401, 401, 403, 403, 400),
        row("GET", "/admin/audit", "/admin/audit?limit=1", null, 401, 401, 401, 403, 403, 200),
        row("POST", "/admin/api-keys", "/admin/api-keys", "{\"owner\": \"matrix\"}", 401, 401,
            401, 403, 403, 201),
        row("DELETE", "/admin/api-keys/{id}", "/admin/api-keys/" + Long.MAX_VALUE, null, 401, 401,
            401, 403, 403, 404),
        row("GET", "/actuator/metrics", "/actuator/metrics", null, 401, 401, 401, 403, 403, 200),
        // public: probes, scrapes, dev tokens; a bad token is refused even here, but by the
        // probes, which are answered before authentication (observability.HealthProbes): a probe
        // reads no header
        row("GET", "/actuator/health/liveness", "/actuator/health/liveness", null, 200, 200, 200,
            200, 200, 200),
        row("GET", "/actuator/prometheus", "/actuator/prometheus", null, 200, 401, 401, 200, 200,
            200),
        row("POST", "/dev/tokens", "/dev/tokens", "{\"role\": \"admin\"}", 200, 401, 401, 200, 200,
            200),
        // T2: the API document and Swagger UI, public outside prod (prod serves neither)
        row("GET", "/v3/api-docs", "/v3/api-docs", null, 200, 401, 401, 200, 200, 200),
        row("GET", "/v3/api-docs.yaml", "/v3/api-docs.yaml", null, 200, 401, 401, 200, 200, 200),
        row("GET", "/v3/api-docs/swagger-config", "/v3/api-docs/swagger-config", null, 200, 401,
            401, 200, 200, 200),
        row("GET", "/swagger-ui.html", "/swagger-ui.html", null, 302, 401, 401, 302, 302, 302),
        // the cookie-session shortlist: public, CSRF-protected (the token is sent; see
        // ShortlistSessionIntegrationTests for the refusals)
        row("GET", "/api/v1/shortlist", "/api/v1/shortlist", null, 200, 401, 401, 200, 200, 200),
        row("POST", "/api/v1/shortlist", "/api/v1/shortlist",
            "{\"productId\": %d}".formatted(product), 200, 401, 401, 200, 200, 200),
        row("DELETE", "/api/v1/shortlist/{productId}", "/api/v1/shortlist/" + product, null, 200,
            401, 401, 200, 200, 200),
        // the shared fixtures' routes (tests and the lab only, never in the service's jar):
        // public; boom is the 500 fixture
        row("POST", "/lab/fixtures/echo", "/lab/fixtures/echo",
            orderBody, 200, 401, 401, 200, 200, 200),
        row("GET", "/lab/fixtures/boom", "/lab/fixtures/boom", null, 500, 401, 401, 500, 500, 500),
        row("GET", "/api/lab/ping", "/api/lab/ping", null, 200, 401, 401, 200, 200, 200),
        row("GET", "/api/lab/limited/{policy}", "/api/lab/limited/matrix", null, 200, 401, 401, 200,
            200, 200));
  }

  Stream<Arguments> cases() {
    return rows().stream().flatMap(row -> Stream.of(Caller.values())
        .map(caller -> Arguments.of(row, caller)));
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("cases")
  void eachCallerGetsExactlyTheExpectedStatus(Row row, Caller caller) {
    var response = send(row, caller);

    assertThat(response.status()).as(response.body()).isEqualTo(row.expected(caller));
    if (response.status() == 401 || response.status() == 403) {
      assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }
  }

  @Test
  void everyEndpointHasARow() {
    Set<String> mapped = new TreeSet<>();
    mappings.getHandlerMethods().forEach((info, handler) -> info.getMethodsCondition()
        .getMethods().forEach(method -> info.getPatternValues()
            .forEach(pattern -> mapped.add(method.name() + " " + pattern))));
    // /error is the container's error page, reached only by an internal forward.
    mapped.removeIf(endpoint -> endpoint.endsWith(" /error"));
    Set<String> covered = new TreeSet<>();
    rows().forEach(row -> covered.add(row.method() + " " + row.pattern()));

    assertThat(covered).containsAll(mapped);
  }

  @Test
  void aCustomerProbingAHundredForeignOrderIdsGetsNoneOfThem() {
    List<Long> foreign = data.ordersOf(customer, product, 100);
    Api other = as(Caller.OTHER_CUSTOMER);

    long answered = foreign.stream().flatMap(id -> Stream.of("/api/v1/orders/" + id,
        "/api/v2/orders/" + id))
        .map(other::get).filter(response -> response.status() == 200).count();
    var missing = other.get("/api/v1/orders/" + Long.MAX_VALUE);
    var someoneElses = other.get("/api/v1/orders/" + foreign.getFirst());

    assertThat(answered).isZero();
    assertThat(someoneElses.status()).isEqualTo(404);
    assertThat(someoneElses.jsonBody().path("detail").asString())
        .as("word for word the answer for a missing order")
        .isEqualTo(missing.jsonBody().path("detail").asString()
            .replace(String.valueOf(Long.MAX_VALUE), String.valueOf(foreign.getFirst())));
  }

  @Test
  void aCustomersListHoldsOnlyItsOwnOrdersWhateverItAsksFor() {
    data.ordersOf(otherCustomer, product, 3);
    Api mine = as(Caller.CUSTOMER);

    var all = mine.get("/api/v1/orders?limit=100");
    var askingForAnother = mine.get("/api/v1/orders?customerId=" + otherCustomer);

    assertThat(all.jsonBody().path("items").valueStream()
        .map(item -> item.path("customer").path("id").asLong()))
        .isNotEmpty().containsOnly(customer);
    assertThat(askingForAnother.status()).isEqualTo(200);
    assertThat(askingForAnother.jsonBody().path("items").isEmpty()).isTrue();
  }

  @Test
  void graphQlAppliesTheSameRules() {
    String query = "{\"query\": \"{ order(id: \\\"%d\\\") { id } orders(first: 100) { items { customer { id } } } }\"}"
        .formatted(order);
    var own = as(Caller.CUSTOMER).post("/graphql", query,
        Map.of("Content-Type", "application/json")).jsonBody();
    var foreign = as(Caller.OTHER_CUSTOMER).post("/graphql", query,
        Map.of("Content-Type", "application/json")).jsonBody();

    assertThat(own.path("data").path("order").path("id").asString())
        .isEqualTo(String.valueOf(order));
    assertThat(own.path("data").path("orders").path("items").valueStream()
        .map(item -> item.path("customer").path("id").asString()))
        .isNotEmpty().containsOnly(String.valueOf(customer));
    assertThat(foreign.path("data").path("order").isNull()).isTrue();
    assertThat(foreign.path("errors").get(0).path("extensions").path("classification")
        .asString()).isEqualTo("NOT_FOUND");
    assertThat(foreign.path("data").path("orders").path("items").valueStream()
        .map(item -> item.path("customer").path("id").asString()))
        .doesNotContain(String.valueOf(customer));
  }

  private Api as(Caller caller) {
    return Objects.requireNonNull(callers.get(caller), caller.name());
  }

  private Api.Response send(Row row, Caller caller) {
    Map<String, String> headers = new HashMap<>();
    if (row.body() != null) {
      headers.put("Content-Type", "application/json");
    }
    if (row.pattern().equals("/api/v1/orders") && row.method().equals("POST")) {
      headers.put("Idempotency-Key", UUID.randomUUID().toString());
    }
    if (row.pattern().startsWith("/api/v1/shortlist") && !row.method().equals("GET")) {
      String token = SetCookies.csrfToken(api.anonymous().get("/api/v1/shortlist"));
      headers.put("Cookie", "XSRF-TOKEN=" + token);
      headers.put(SetCookies.CSRF_HEADER, token);
    }
    HttpRequest.BodyPublisher body = row.body() == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(row.body());
    return as(caller).send(row.method(), row.path(), body, headers);
  }

  /** A row; {@code expected} lists the statuses in the order the {@link Caller}s are declared. */
  private static Row row(String method, String pattern, String path, @Nullable String body,
      int... expected) {
    Caller[] columns = Caller.values();
    assertThat(expected).hasSameSizeAs(columns);
    Map<Caller, Integer> byCaller = new EnumMap<>(Caller.class);
    for (int i = 0; i < columns.length; i++) {
      byCaller.put(columns[i], expected[i]);
    }
    return new Row(method, pattern, path, body, byCaller);
  }

  /** One endpoint: how to call it, and the status each {@link Caller} gets. */
  record Row(String method, String pattern, String path, @Nullable String body,
      Map<Caller, Integer> expected) {

    int expected(Caller caller) {
      return Objects.requireNonNull(expected.get(caller), caller.name());
    }

    @Override
    public String toString() {
      return method + " " + pattern;
    }
  }
}
