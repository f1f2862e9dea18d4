package dev.fieldguide.orders.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.reporting.SalesFixture.Line;
import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.TestData;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/reports/daily-sales}: the view's rows with their as-of time; a bad or too
 * wide range is a 400 problem, a view never refreshed a 503 problem, never a 500.
 */
@IntegrationTest
class DailySalesApiIntegrationTests {

  @Autowired
  Api api;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  TestData data;

  @Autowired
  DailySalesView view;

  @Test
  void servesTheRowsOfTheRangeWithTheirAsOfTime() {
    SalesFixture sales = new SalesFixture(data, jdbc);
    long desk = sales.product();
    sales.order(Instant.parse("2026-03-01T10:00:00Z"), "PAID", new Line(desk, 1, 25_000));
    sales.order(Instant.parse("2026-03-31T23:59:00Z"), "NEW", new Line(desk, 2, 24_000));
    sales.order(Instant.parse("2026-04-01T00:01:00Z"), "NEW", new Line(desk, 9, 24_000));
    DailySalesView.Refresh refresh = view.refresh();

    var response = api.get("/api/v1/reports/daily-sales?from=2026-03-01&to=2026-03-31&productId="
        + desk);

    assertThat(response.status()).isEqualTo(200);
    JsonNode body = response.jsonBody();
    assertThat(Instant.parse(body.path("asOf").asString())).isEqualTo(refresh.asOf());
    assertThat(body.path("ageSeconds").asLong()).isBetween(0L, 60L);
    assertThat(body.path("items")).hasSize(2);
    assertThat(body.path("items").get(0).toString()).isEqualTo("""
        {"day":"2026-03-01","productId":%d,"orders":1,"units":1,"revenueCents":25000}"""
        .formatted(desk));
    assertThat(body.path("items").get(1).toString()).isEqualTo("""
        {"day":"2026-03-31","productId":%d,"orders":1,"units":2,"revenueCents":48000}"""
        .formatted(desk));

    var all = api.get("/api/v1/reports/daily-sales?from=2026-03-31&to=2026-03-31").jsonBody();
    int deskRows = 0;
    for (JsonNode item : all.path("items")) {
      assertThat(item.path("day").asString()).isEqualTo("2026-03-31");
      deskRows += item.path("productId").asLong() == desk ? 1 : 0;
    }
    assertThat(deskRows).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      from=2026-01-31&to=2026-01-01             | INVALID_RANGE
      from=2026-01-01&to=2026-02-01             | INVALID_RANGE
      from=2025-01-01&to=2026-01-01             | INVALID_RANGE
      from=2026-13-01&to=2026-01-31             | INVALID_PARAMETER
      from=yesterday&to=2026-01-31              | INVALID_PARAMETER
      from=2026-01-01&to=2026-01-31&productId=0 | INVALID_PARAMETER
      from=2026-01-01&to=2026-01-31&productId=x | INVALID_PARAMETER
      from=2026-01-01                           | MISSING_PARAMETER
      from=%2B6000000-01-01&to=%2B6000000-01-02 | VALIDATION_FAILED
      from=1900-01-01&to=1900-01-02             | VALIDATION_FAILED
      """)
  void badOrTooWideRangesAreA400Problem(String query, String code) {
    var response = api.get("/api/v1/reports/daily-sales?" + query);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.jsonBody().path("status").asInt()).isEqualTo(400);
    assertThat(response.jsonBody().path("code").asString()).isEqualTo(code);
  }

  @Test
  void aThirtyOneDayRangeIsAllowed() {
    view.refresh();

    assertThat(api.get("/api/v1/reports/daily-sales?from=2026-01-01&to=2026-01-31").status())
        .isEqualTo(200);
  }

  @Test
  void aViewNeverRefreshedIsA503ProblemNotA500() {
    view.refresh();
    jdbc.sql("UPDATE report_refreshes SET refreshed_at = NULL"
        + " WHERE view_name = 'daily_product_sales'").update();
    try {
      var response = api.get("/api/v1/reports/daily-sales?from=2026-01-01&to=2026-01-02");

      assertThat(response.status()).isEqualTo(503);
      assertThat(response.header("Content-Type")).startsWith("application/problem+json");
      assertThat(response.header("Retry-After")).isEqualTo("60");
      assertThat(response.jsonBody().path("code").asString()).isEqualTo("REPORT_NOT_READY");
    } finally {
      view.refresh();
    }
  }
}
