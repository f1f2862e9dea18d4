package dev.fieldguide.orders.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import static dev.fieldguide.orders.observability.PrometheusText.parse;
import static dev.fieldguide.orders.observability.PrometheusText.value;

import dev.fieldguide.orders.observability.ObservabilityFiles.Expression;
import dev.fieldguide.orders.observability.PrometheusText.Sample;
import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.TestData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * O1: after traffic of every kind — cached product reads, an order list, an order placed, a 404,
 * a rate-limited burst, a job that succeeds and one that dies — a real scrape of {@code
 * /actuator/prometheus} has the series that traffic moved, told apart by their label values and
 * grown by exactly as much, the request histogram with the SLO buckets, the application and role
 * tags on every series, and every metric the alert rules and the Grafana dashboards read.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // scrape, exercise once, scrape again
class MetricsScrapeIntegrationTests {

  /** Series Prometheus makes itself for each target; no application exports them. */
  private static final Set<String> MADE_BY_PROMETHEUS = Set.of("up");

  private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

  @Autowired
  Api api;

  @Autowired
  TestData data;

  private List<Sample> before = List.of();
  private List<Sample> scrape = List.of();
  private int rateLimited;

  @BeforeAll
  void exerciseTheServiceAndScrape() {
    long product = data.productWithStock(1_500, 50);
    long customer = data.customer();
    before = scrape();
    api.get("/api/v1/products/" + product); // a cache miss and a load
    api.get("/api/v1/products/" + product); // a cache hit
    assertThat(api.get("/api/v1/orders?limit=5").status()).isEqualTo(200);
    assertThat(api.placeOrder(customer, product).status()).isEqualTo(201);
    assertThat(api.get("/api/v1/orders/987654321").status()).isEqualTo(404);
    rateLimited = rateLimitedBurst();
    runJob("{\"type\": \"echo\", \"arguments\": {}}", "SUCCEEDED");
    runJob("{\"type\": \"flaky\", \"arguments\": {\"permanent\": true}}", "DEAD");

    scrape = scrape();
  }

  /**
   * The traffic above moved exactly its own series: the label values say which (a cache hit is
   * not a miss, a dead run not a success), and each moved by as much as the traffic caused.
   */
  @Test
  void theTrafficMovedTheSeriesItsLabelsName() {
    assertThat(increase("cache_gets_total", "cache", "products", "result", "miss")).isEqualTo(1);
    assertThat(increase("cache_gets_total", "cache", "products", "result", "hit")).isEqualTo(1);
    assertThat(increase("fieldguide_cache_loads_total", "cache", "products")).isEqualTo(1);
    assertThat(increase("http_server_requests_seconds_count", "method", "GET", "uri",
        "/api/v1/orders/{id}", "status", "404", "outcome", "CLIENT_ERROR")).isEqualTo(1);
    assertThat(increase("http_server_requests_seconds_count", "method", "POST", "uri",
        "/api/v1/orders", "status", "201", "outcome", "SUCCESS")).isEqualTo(1);
    assertThat(increase("fieldguide_ratelimit_rejected_total", "policy", "test-exact"))
        .isEqualTo(rateLimited);
    assertThat(increase("fieldguide_jobs_runs_total", "task", "echo", "outcome", "succeeded"))
        .isEqualTo(1);
    assertThat(increase("fieldguide_jobs_runs_total", "task", "flaky", "outcome", "dead"))
        .isEqualTo(1);
  }

  /** The two connection pools are told apart by their label, each with its own size. */
  @Test
  void springSecurityAddsNoObservationsOfItsOwnWhileEveryRequestIsStillTimed() {
    // No dashboard or alert reads them, and one around each filter of the chain was the largest
    // single cost of a cheap request (docs/performance.md).
    assertThat(scrape).filteredOn(s -> s.name().startsWith("spring_security_")).isEmpty();
    assertThat(scrape).filteredOn(s -> s.name().equals("http_server_requests_seconds_count"))
        .isNotEmpty();
  }

  @Test
  void eachConnectionPoolIsItsOwnSeries() {
    assertThat(value(scrape, "hikaricp_connections_max", "pool", "primary")).isEqualTo(10);
    assertThat(value(scrape, "hikaricp_connections_max", "pool", "replica")).isEqualTo(5);
  }

  @Test
  void requestDurationsHaveTheSloBucketsAsExactEdges() {
    Set<String> edges = new TreeSet<>();
    scrape.stream().filter(s -> s.name().equals("http_server_requests_seconds_bucket"))
        .filter(s -> "/api/v1/products/{id}".equals(s.labels().get("uri")))
        .forEach(s -> edges.add(s.labels().getOrDefault("le", "")));

    assertThat(edges).contains("0.05", "0.1", "0.25", "0.5", "+Inf");
  }

  @Test
  void everySeriesCarriesTheApplicationAndRoleTags() {
    Set<String> untagged = new TreeSet<>();
    scrape.stream().filter(s -> !"field-guide".equals(s.labels().get("application"))
        || !Set.of("all", "api", "worker").contains(s.labels().getOrDefault("role", "")))
        .forEach(s -> untagged.add(s.name()));

    assertThat(scrape).hasSizeGreaterThan(100);
    assertThat(untagged).as("series without application=field-guide and a role").isEmpty();
  }

  /** A `job` tag would collide with the `job` label Prometheus gives every target. */
  @Test
  void jobMetersNameTheirTaskWithoutClashingWithPrometheussJobLabel() {
    assertThat(scrape).filteredOn(s -> s.name().startsWith("fieldguide_jobs_runs"))
        .isNotEmpty().allSatisfy(s -> assertThat(s.labels()).containsKey("task")
            .doesNotContainKey("job"));
  }

  @Test
  void everyMetricTheAlertsAndDashboardsReadIsInTheScrape() {
    Set<String> scraped = new TreeSet<>();
    scrape.forEach(s -> scraped.add(s.name()));
    List<Expression> expressions = new ArrayList<>(ObservabilityFiles.alertExpressions());
    expressions.addAll(ObservabilityFiles.dashboardExpressions());

    assertThat(expressions).hasSizeGreaterThan(50);
    List<String> missing = new ArrayList<>();
    for (Expression expression : expressions) {
      for (String name : PromQl.metricNames(expression.promQl())) {
        // Recorded series are checked against their rules (AlertRulesTests).
        if (!PromQl.isRecorded(name) && !MADE_BY_PROMETHEUS.contains(name)
            && !scraped.contains(name)) {
          missing.add(name + " (" + expression.where() + ")");
        }
      }
    }
    assertThat(missing).as("metrics read but not scraped").isEmpty();
  }

  /**
   * The test profile's {@code test-exact} policy: 20 tokens and almost no refill. Returns how many
   * calls were refused (at least the 21st; all of them if an earlier test emptied the bucket).
   */
  private int rateLimitedBurst() {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      statuses.add(api.get("/api/lab/limited/exact").status()); // the admin caller's bucket
    }
    assertThat(statuses).contains(429);
    return (int) statuses.stream().filter(status -> status == 429).count();
  }

  private void runJob(String request, String finalState) {
    String run = api.post("/api/v1/jobs", request, JSON).header("Location");
    await().atMost(Duration.ofSeconds(30)).until(
        () -> api.get(run).jsonBody().path("state").asString().equals(finalState));
  }

  private List<Sample> scrape() {
    var response = api.get("/actuator/prometheus");
    assertThat(response.status()).isEqualTo(200);
    return parse(response.body());
  }

  /** How much the series with these labels (summed) grew between the two scrapes. */
  private double increase(String name, String... labels) {
    return value(scrape, name, labels) - value(before, name, labels);
  }
}
