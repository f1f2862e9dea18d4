package dev.fieldguide.orders.promotions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.fixtures.plans.ExplainService;
import dev.fieldguide.fixtures.plans.PlanSummary;
import dev.fieldguide.fixtures.Concurrently;
import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.TestClock;
import dev.fieldguide.orders.support.TestData;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PG2, GiST: the exclusion constraint keeps a product's promotion periods apart, even against
 * concurrent requests, and its index answers "the promotion in force".
 */
@IntegrationTest
class PromotionsIntegrationTests {

  private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

  @Autowired
  Api api;

  @Autowired
  TestData data;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  ExplainService explain;

  @Test
  void anOverlappingPeriodIsRefusedWithAConflictAndNothingIsWritten() {
    long product = data.product("Promoted lamp", 5_000, Map.of());
    assertThat(create(product, 10, "2027-01-01T00:00:00Z", "2027-02-01T00:00:00Z").status())
        .isEqualTo(201);

    Api.Response overlapping = create(product, 20, "2027-01-31T00:00:00Z", "2027-03-01T00:00:00Z");

    assertThat(overlapping.status()).isEqualTo(409);
    assertThat(overlapping.header("Content-Type")).startsWith("application/problem+json");
    assertThat(overlapping.jsonBody().path("code").asString()).isEqualTo("PROMOTION_OVERLAPS");
    assertThat(promotionsOf(product)).isEqualTo(1);
  }

  @Test
  void aPeriodMayStartTheInstantThePreviousOneEnds() {
    long product = data.product("Promoted desk", 5_000, Map.of());
    create(product, 10, "2027-01-01T00:00:00Z", "2027-02-01T00:00:00Z");

    assertThat(create(product, 15, "2027-02-01T00:00:00Z", "2027-03-01T00:00:00Z").status())
        .isEqualTo(201);
    assertThat(promotionsOf(product)).isEqualTo(2);
  }

  @Test
  void ofConcurrentOverlappingRequestsExactlyOneWins() {
    long product = data.product("Contested kettle", 5_000, Map.of());

    List<Integer> statuses = Concurrently.run(8, i -> () -> create(product, 10 + i,
        "2027-05-0" + (1 + i % 3) + "T00:00:00Z", "2027-06-01T00:00:00Z").status());

    assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
    assertThat(promotionsOf(product)).isEqualTo(1);
  }

  @Test
  void thePromotionInForceIsServedUntilItsEndAndAbsenceIsNotFound(TestClock clock) {
    long product = data.product("Promoted chair", 5_000, Map.of());
    create(product, 25, "2027-03-01T00:00:00Z", "2027-04-01T00:00:00Z");
    long without = data.product("Full price mug", 5_000, Map.of());

    clock.freezeAt(Instant.parse("2027-03-31T23:59:59Z"));
    assertThat(promotionOf(product).jsonBody().path("percentOff").asInt()).isEqualTo(25);
    assertThat(promotionOf(without).status()).isEqualTo(404);

    clock.advance(Duration.ofSeconds(1)); // a period is [from, until): its end is outside it
    assertThat(promotionOf(product).status()).isEqualTo(404);
  }

  @Test
  void invalidPeriodsAndUnknownProductsAreClientErrors() {
    long product = data.product("Promoted notebook", 5_000, Map.of());

    assertThat(create(product, 10, "2027-02-01T00:00:00Z", "2027-01-01T00:00:00Z").status())
        .isEqualTo(400);
    assertThat(create(product, 95, "2027-01-01T00:00:00Z", "2027-02-01T00:00:00Z").status())
        .isEqualTo(400);
    assertThat(create(Long.MAX_VALUE, 10, "2027-01-01T00:00:00Z", "2027-02-01T00:00:00Z")
        .status()).isEqualTo(404);
    assertThat(promotionsOf(product)).isZero();
  }

  @Test
  void aPeriodFarOutsideTheBoundsIsA400NamingItsEndsNotA500() {
    long product = data.product("Promoted clock", 5_000, Map.of());

    var response = create(product, 10, "+300000-01-01T00:00:00Z", "+300000-02-01T00:00:00Z");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.jsonBody().path("code").asString()).isEqualTo("VALIDATION_FAILED");
    assertThat(response.jsonBody().path("errors").valueStream()
        .map(error -> error.path("field").asString()))
        .containsExactlyInAnyOrder("validFrom", "validUntil");
    assertThat(promotionsOf(product)).isZero();
  }

  @Test
  void theLookupOfThePromotionInForceIsAnsweredByTheGistIndex() {
    // 200 products with a promotion each month for 10 years: 24,000 rows, far too many to scan.
    List<Long> products = IntStream.range(0, 200)
        .mapToObj(i -> data.product("Monthly deal " + i, 1_000, Map.of())).toList();
    jdbc.update("""
        INSERT INTO promotions (product_id, percent_off, valid_during)
        SELECT p, 5, tstzrange(m, m + interval '1 month', '[)')
        FROM unnest(?::bigint[]) AS p,
             generate_series(timestamptz '2030-01-01', timestamptz '2039-12-01',
                             interval '1 month') AS m
        """, (Object) products.toArray(Long[]::new));
    jdbc.execute("ANALYZE promotions");

    PlanSummary plan = explain.explainAnalyze(Promotions.IN_FORCE_SQL, products.get(7),
        OffsetDateTime.parse("2034-06-15T12:00:00Z"));

    assertThat(plan.usesIndex("promotions_no_overlap")).as(plan.render()).isTrue();
    assertThat(plan.rowsReadFrom("promotions_no_overlap")).as(plan.render()).isEqualTo(1);
  }

  private Api.Response create(long product, int percentOff, String from, String until) {
    return api.post("/admin/products/" + product + "/promotions", """
        {"percentOff": %d, "validFrom": "%s", "validUntil": "%s"}
        """.formatted(percentOff, from, until), JSON);
  }

  private Api.Response promotionOf(long product) {
    return api.get("/api/v1/products/" + product + "/promotion");
  }

  private long promotionsOf(long product) {
    Long count = jdbc.queryForObject("SELECT count(*) FROM promotions WHERE product_id = ?",
        Long.class, product);
    return count == null ? 0 : count;
  }
}
