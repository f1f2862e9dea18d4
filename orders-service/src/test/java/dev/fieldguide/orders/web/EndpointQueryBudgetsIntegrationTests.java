package dev.fieldguide.orders.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fieldguide.orders.reporting.DailySalesView;
import dev.fieldguide.orders.security.DevTokenIssuer;
import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.MappedEndpoint;
import dev.fieldguide.orders.support.SetCookies;
import dev.fieldguide.orders.support.StatementCounter;
import dev.fieldguide.orders.support.TestData;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * D10: every REST endpoint has a budget of SQL statements, and a valid request to it, against
 * seeded data and as the role it is for, sends exactly that many. The endpoints come from the
 * application's own request mappings, so a new one fails {@link #everyEndpointHasABudget} until
 * it gets a row in {@link #BUDGETS}; an extra statement (a lost fetch plan, a lazy load in a
 * loop) fails its row, and so does one fewer: the table then says the new, measured number.
 *
 * <p>The budgets are the counts measured on this code (reads as the role they are for; writes
 * with valid bodies and an {@code Idempotency-Key}); every statement the service sends counts,
 * the audit row of an admin call and the idempotency record of a write included. The job
 * workers are paused while the walk runs, so no job's statements land in another request's count.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointQueryBudgetsIntegrationTests {

  private static final String JSON = "application/json";

  private static final String GRAPHQL_ORDERS = """
      {"query": "{ orders(first: 5) { items { id customer { email } \
      lines { quantity product { name } } } } }"}""";

  /** Method and mapped pattern → the statements one valid request sends (measured), and that request. */
  private static final List<Budget> BUDGETS = List.of(
      // Catalogue: public reads, the admin edit and promotions.
      read("GET /api/v1/products", 1, Caller.ANONYMOUS, s -> "/api/v1/products?limit=5"),
      read("GET /api/v1/products/{id}", 1, Caller.ANONYMOUS,
          s -> "/api/v1/products/" + s.productId()),
      write("PATCH /api/v1/products/{id}", 3, Caller.ADMIN,
          s -> "/api/v1/products/" + s.productId(),
          s -> "{\"priceCents\": 1234}"),
      read("GET /api/v1/products/{id}/views", 1, Caller.ANONYMOUS,
          s -> "/api/v1/products/" + s.productId() + "/views"),
      read("GET /api/v1/products/{productId}/promotion", 1, Caller.ANONYMOUS,
          s -> "/api/v1/products/" + s.productId() + "/promotion"),
      write("POST /admin/products/{productId}/promotions", 2, Caller.ADMIN,
          s -> "/admin/products/" + s.productId() + "/promotions",
          s -> promotion(Duration.ofDays(10), Duration.ofDays(20))),
      read("GET /api/v1/reports/daily-sales", 4, Caller.ADMIN,
          s -> "/api/v1/reports/daily-sales?from=%s&to=%s".formatted(s.today().minusDays(6),
              s.today())),
      // Orders: a customer's own, in both versions, and the admin list of stale ones.
      read("GET /api/v1/orders", 2, Caller.CUSTOMER, s -> "/api/v1/orders?limit=5"),
      read("GET /api/v1/orders/summaries", 1, Caller.CUSTOMER,
          s -> "/api/v1/orders/summaries?limit=5"),
      read("GET /api/v1/orders/{id}", 1, Caller.CUSTOMER, s -> "/api/v1/orders/" + s.orderId()),
      read("GET /api/v2/orders", 2, Caller.CUSTOMER, s -> "/api/v2/orders?limit=5"),
      read("GET /api/v2/orders/{id}", 1, Caller.CUSTOMER, s -> "/api/v2/orders/" + s.orderId()),
      read("GET /api/v2/orders/{id}/notifications", 1, Caller.CUSTOMER,
          s -> "/api/v2/orders/" + s.orderId() + "/notifications"),
      write("POST /api/v1/orders", 9, Caller.CUSTOMER, s -> "/api/v1/orders",
          s -> "{\"customerId\": %d, \"lines\": [{\"productId\": %d, \"quantity\": 1}]}"
              .formatted(s.customerId(), s.productId())),
      read("GET /admin/orders/stale-pending", 2, Caller.ADMIN,
          s -> "/admin/orders/stale-pending?limit=5"),
      write("POST /graphql", 4, Caller.CUSTOMER, s -> "/graphql", s -> GRAPHQL_ORDERS),
      // Jobs and workflows.
      write("POST /api/v1/jobs", 7, Caller.ADMIN, s -> "/api/v1/jobs",
          s -> "{\"type\": \"echo\", \"arguments\": {\"budget\": 1}}"),
      read("GET /api/v1/jobs/{runId}", 3, Caller.ADMIN, s -> "/api/v1/jobs/" + s.runId()),
      write("POST /admin/jobs/{runId}/redrive", 6, Caller.ADMIN,
          s -> "/admin/jobs/" + s.deadRunId() + "/redrive", s -> ""),
      write("POST /api/v1/jobs/chains", 9, Caller.ADMIN, s -> "/api/v1/jobs/chains",
          s -> "{\"steps\": [{\"type\": \"echo\"}, {\"type\": \"echo\"}]}"),
      read("GET /api/v1/jobs/chains/{chainId}", 2, Caller.ADMIN,
          s -> "/api/v1/jobs/chains/" + s.chainId()),
      write("POST /api/v1/jobs/groups", 11, Caller.ADMIN, s -> "/api/v1/jobs/groups",
          s -> "{\"members\": [{\"type\": \"echo\"}, {\"type\": \"echo\"}]}"),
      read("GET /api/v1/jobs/groups/{groupId}", 3, Caller.ADMIN,
          s -> "/api/v1/jobs/groups/" + s.groupId()),
      // Operators.
      write("POST /admin/api-keys", 2, Caller.ADMIN, s -> "/admin/api-keys",
          s -> "{\"owner\": \"budget\"}"),
      write("DELETE /admin/api-keys/{id}", 2, Caller.ADMIN,
          s -> "/admin/api-keys/" + s.apiKeyId(), s -> ""),
      read("GET /admin/audit", 2, Caller.ADMIN, s -> "/admin/audit?limit=5"),
      write("POST /admin/outbox/dead/redrive", 2, Caller.ADMIN, s -> "/admin/outbox/dead/redrive",
          s -> ""),
      read("GET /admin/inbox/dead-letters", 2, Caller.ADMIN,
          s -> "/admin/inbox/dead-letters?limit=5"),
      write("POST /admin/inbox/dead-letters/{id}/redrive", 3, Caller.ADMIN,
          s -> "/admin/inbox/dead-letters/" + s.deadLetterId() + "/redrive", s -> ""),
      read("GET /admin/db/top-statements", 2, Caller.ADMIN,
          s -> "/admin/db/top-statements?limit=5"),
      // The anonymous visitor's shortlist (a cookie session in Redis) and the dev token issuer.
      read("GET /api/v1/shortlist", 0, Caller.ANONYMOUS, s -> "/api/v1/shortlist"),
      write("POST /api/v1/shortlist", 4, Caller.ANONYMOUS, s -> "/api/v1/shortlist",
          s -> "{\"productId\": %d}".formatted(s.productId())),
      write("DELETE /api/v1/shortlist/{productId}", 0, Caller.ANONYMOUS,
          s -> "/api/v1/shortlist/" + s.productId(), s -> ""),
      write("POST /dev/tokens", 0, Caller.ANONYMOUS, s -> "/dev/tokens",
          s -> "{\"role\": \"customer\", \"customerId\": 1}"),
      // The API's own description (springdoc): built from the code, never from the database.
      read("GET /v3/api-docs", 0, Caller.ANONYMOUS, s -> "/v3/api-docs"),
      read("GET /v3/api-docs/swagger-config", 0, Caller.ANONYMOUS,
          s -> "/v3/api-docs/swagger-config"));

  /** Other renderings of the API's description, left out of {@link #endpoints()}. */
  private static final Set<String> DOCUMENT_RENDERINGS = Set.of("/v3/api-docs.yaml",
      "/swagger-ui.html");

  @Autowired
  Api api;

  @Autowired
  DevTokenIssuer tokens;

  @Autowired
  TestData data;

  @Autowired
  StatementCounter statements;

  @Autowired
  List<RequestMappingInfoHandlerMapping> mappings;

  @Autowired
  Scheduler workers;

  @Autowired
  DailySalesView dailySales;

  @Autowired
  JdbcClient jdbc;

  private @Nullable Seeded seeded;

  private String csrf = "";

  private String session = "";

  /**
   * Every endpoint the service maps, as {@code METHOD pattern}. Left out, each for its reason:
   * the shared fixtures' routes (a test's, not the service's); the actuator (Spring's, and a
   * scrape reads the meters, not the tables we design); the error page (where failed requests
   * are forwarded, no endpoint of its own); the YAML twin of {@code /v3/api-docs} (the same
   * document, another rendering) and the Swagger UI's redirect to its static page.
   */
  Set<String> endpoints() {
    return MappedEndpoint.everyIn(mappings).stream()
        .filter(endpoint -> !endpoint.isFixture() && !endpoint.isErrorPage()
            && !endpoint.pattern().startsWith("/actuator")
            && !DOCUMENT_RENDERINGS.contains(endpoint.pattern()))
        .map(MappedEndpoint::toString).collect(Collectors.toCollection(TreeSet::new));
  }

  @BeforeAll
  void seed() throws SchedulerException {
    long customer = data.customer();
    long product = data.productWithStock(500, 1_000);
    List<Long> orders = List.of(data.orderOf(customer, product),
        data.orderOf(customer, data.productWithStock(700, 10)),
        data.orderOf(customer, data.productWithStock(900, 10)));
    require(api.post("/admin/products/%d/promotions".formatted(product),
        promotion(Duration.ofDays(-1), Duration.ofDays(1)), Map.of("Content-Type", JSON)));
    dailySales.refresh();
    UUID run = accepted(api.post("/api/v1/jobs", "{\"type\": \"echo\"}", jsonBody()), "runId");
    UUID dead = accepted(api.post("/api/v1/jobs",
        "{\"type\": \"flaky\", \"arguments\": {\"permanent\": true}}", jsonBody()), "runId");
    UUID chain = accepted(api.post("/api/v1/jobs/chains", "{\"steps\": [{\"type\": \"echo\"}]}",
        jsonBody()), "chainId");
    UUID group = accepted(api.post("/api/v1/jobs/groups", "{\"members\": [{\"type\": \"echo\"}]}",
        jsonBody()), "groupId");
    awaitState("/api/v1/jobs/" + run, "SUCCEEDED");
    awaitState("/api/v1/jobs/" + dead, "DEAD");
    awaitState("/api/v1/jobs/chains/" + chain, "SUCCEEDED");
    awaitState("/api/v1/jobs/groups/" + group, "SUCCEEDED");
    long apiKey = require(api.post("/admin/api-keys", "{\"owner\": \"budget seed\"}", jsonBody()))
        .jsonBody().path("id").asLong();
    csrf = SetCookies.csrfToken(api.anonymous().get("/api/v1/shortlist"));
    // A visitor whose shortlist already holds a product: its session scopes an Idempotency-Key.
    String visit = SetCookies.named(require(api.anonymous().post("/api/v1/shortlist",
        "{\"productId\": %d}".formatted(data.productWithStock(300, 10)),
        Map.of("Content-Type", JSON, "Cookie", "XSRF-TOKEN=" + csrf, SetCookies.CSRF_HEADER,
            csrf))),
        "SESSION=").getFirst();
    session = visit.substring(0, visit.indexOf(';'));
    seeded = new Seeded(customer, product, orders.getLast(), run, dead, chain, group, apiKey,
        deadLetter(), LocalDate.now(ZoneOffset.UTC));
    // Whatever a worker runs would land in some request's count: nothing may start, and what
    // runs (an earlier test's retry, say) finishes before the walk.
    workers.standby();
    await().atMost(Duration.ofSeconds(30))
        .until(() -> workers.getCurrentlyExecutingJobs().isEmpty());
  }

  @AfterAll
  void resumeWorkers() throws SchedulerException {
    workers.start();
  }

  @Test
  void everyEndpointHasABudget() {
    Set<String> budgeted = BUDGETS.stream().map(Budget::endpoint)
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> mapped = endpoints();

    assertThat(difference(mapped, budgeted)).as("endpoints without a row in BUDGETS").isEmpty();
    assertThat(difference(budgeted, mapped))
        .as("rows in BUDGETS for endpoints that no longer exist").isEmpty();
  }

  Stream<Budget> budgets() {
    return BUDGETS.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("budgets")
  void aValidRequestSendsExactlyItsBudgetOfStatements(Budget budget) {
    Seeded given = Objects.requireNonNull(seeded);
    String path = budget.path().apply(given);
    String body = budget.body().apply(given);
    statements.reset();

    Api.Response response = caller(budget.caller(), given).send(budget.method(), path,
        budget.method().equals("GET") || budget.method().equals("DELETE")
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body),
        headers(budget));
    long sent = statements.total();

    assertThat(response.status()).as("%s %s: %s", budget.method(), path, response.body())
        .isBetween(200, 299);
    assertThat(sent).as("statements of %s; measured now: %s", budget.endpoint(),
        statements.executed().stream().map(StatementCounter.Executed::sql).toList())
        .isEqualTo(budget.statements());
  }

  private Map<String, String> headers(Budget budget) {
    Map<String, String> headers = new HashMap<>();
    headers.put("Accept", JSON);
    if (!budget.method().equals("GET")) {
      headers.put("Content-Type", JSON);
      headers.put("Idempotency-Key", UUID.randomUUID().toString());
      // The cookie-session shortlist: the visitor's session, and its CSRF token on writes.
      headers.put(SetCookies.CSRF_HEADER, csrf);
    }
    if (budget.caller() == Caller.ANONYMOUS) {
      headers.put("Cookie", "XSRF-TOKEN=%s; %s".formatted(csrf, session));
    }
    return headers;
  }

  private Api caller(Caller caller, Seeded given) {
    return switch (caller) {
      case ANONYMOUS -> api.anonymous();
      case CUSTOMER -> api.as(tokens.customer(given.customerId()));
      case ADMIN -> api;
    };
  }

  /** A message a consumer group gave up on, on a stream of its own, for the re-drive row. */
  private long deadLetter() {
    return jdbc.sql("""
        INSERT INTO inbox_dead_letters (consumer, stream, message_id, fields, deliveries,
                                        last_error)
        VALUES ('budget', ?, '0-1', '{"eventId": "budget"}', 5, 'budget seed')
        RETURNING id
        """).param("budget-dead-letters:" + UUID.randomUUID()).query(Long.class).single();
  }

  private static Set<String> difference(Set<String> all, Set<String> without) {
    Set<String> rest = new TreeSet<>(all);
    rest.removeAll(without);
    return rest;
  }

  private static String promotion(Duration from, Duration until) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    return "{\"percentOff\": 10, \"validFrom\": \"%s\", \"validUntil\": \"%s\"}"
        .formatted(now.plus(from), now.plus(until));
  }

  private static Map<String, String> jsonBody() {
    return Map.of("Content-Type", JSON);
  }

  private static Api.Response require(Api.Response response) {
    assertThat(response.status()).as(response.body()).isBetween(200, 299);
    return response;
  }

  private static UUID accepted(Api.Response response, String idField) {
    return UUID.fromString(require(response).jsonBody().path(idField).asString());
  }

  private void awaitState(String path, String state) {
    await().atMost(Duration.ofSeconds(30))
        .until(() -> api.get(path).jsonBody().path("state").asString(), state::equals);
  }

  private static Budget read(String endpoint, int statements, Caller caller,
      Function<Seeded, String> path) {
    return new Budget(endpoint, statements, caller, path, s -> "");
  }

  private static Budget write(String endpoint, int statements, Caller caller,
      Function<Seeded, String> path, Function<Seeded, String> body) {
    return new Budget(endpoint, statements, caller, path, body);
  }

  /** Who sends a row's request: the role the endpoint is for. */
  enum Caller {
    ANONYMOUS, CUSTOMER, ADMIN
  }

  /** The rows the seed made, which the requests name. */
  record Seeded(long customerId, long productId, long orderId, UUID runId, UUID deadRunId,
      UUID chainId, UUID groupId, long apiKeyId, long deadLetterId, LocalDate today) {}

  /** One endpoint's budget and the valid request that must keep to it. */
  record Budget(String endpoint, int statements, Caller caller, Function<Seeded, String> path,
      Function<Seeded, String> body) {

    String method() {
      return endpoint.substring(0, endpoint.indexOf(' '));
    }

    @Override
    public String toString() {
      return endpoint + ": " + statements + " statements";
    }
  }
}
