package dev.fieldguide.orders.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fieldguide.orders.observability.ObservabilityFiles.Expression;
import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.TestData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * O1: after traffic of every kind — cached product reads, an order list, an order placed, a 404,
 * a rate-limited burst and a background job — a real scrape of {@code /actuator/prometheus} has
 * the request histogram with the SLO buckets, the application and role tags on every series,
 * and every metric the alert rules and the Grafana dashboards read.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // exercise once, scrape once, check thrice
class MetricsScrapeIntegrationTests {

  /** Series Prometheus makes itself for each target; no application exports them. */
  private static final Set<String> MADE_BY_PROMETHEUS = Set.of("up");

  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][\\w:]*)(\\{(.*)\\})? .*$");
  private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

  @Autowired
  Api api;

  @Autowired
  TestData data;

  private List<Sample> scrape = List.of();

  @BeforeAll
  void exerciseTheServiceAndScrape() {
    long product = data.productWithStock(1_500, 50);
    long customer = data.customer();
    api.get("/api/v1/products/" + product); // a cache miss and a load
    api.get("/api/v1/products/" + product); // a cache hit
    assertThat(api.get("/api/v1/orders?limit=5").status()).isEqualTo(200);
    assertThat(api.post("/api/v1/orders", """
        {"customerId": %d, "lines": [{"productId": %d, "quantity": 1}]}"""
        .formatted(customer, product),
        Map.of("Content-Type", "application/json",
            "Idempotency-Key", UUID.randomUUID().toString()))
        .status()).isEqualTo(201);
    assertThat(api.get("/api/v1/orders/987654321").status()).isEqualTo(404);
    rateLimitedBurst();
    runAJob();

    var response = api.get("/actuator/prometheus");
    assertThat(response.status()).isEqualTo(200);
    scrape = parse(response.body());
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

  /** The test profile's {@code test-exact} policy: 20 tokens and almost no refill. */
  private void rateLimitedBurst() {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      statuses.add(api.get("/api/lab/limited/exact").status()); // the admin caller's bucket
    }
    assertThat(statuses).contains(429);
  }

  private void runAJob() {
    String run = api.post("/api/v1/jobs", "{\"type\": \"echo\", \"arguments\": {}}", JSON)
        .header("Location");
    await().atMost(Duration.ofSeconds(30)).until(
        () -> api.get(run).jsonBody().path("state").asString().equals("SUCCEEDED"));
  }

  private static List<Sample> parse(String exposition) {
    List<Sample> samples = new ArrayList<>();
    for (String line : exposition.lines().toList()) {
      Matcher sample = SAMPLE.matcher(line);
      if (line.startsWith("#") || !sample.matches()) {
        continue;
      }
      Map<String, String> labels = new HashMap<>();
      if (sample.group(3) != null) {
        Matcher label = LABEL.matcher(sample.group(3));
        while (label.find()) {
          labels.put(label.group(1), label.group(2));
        }
      }
      samples.add(new Sample(sample.group(1), labels));
    }
    return samples;
  }

  /** One line of the Prometheus text format: a series name and its labels. */
  private record Sample(String name, Map<String, String> labels) {}
}
