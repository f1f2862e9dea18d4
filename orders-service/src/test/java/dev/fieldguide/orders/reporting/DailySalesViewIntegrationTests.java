package dev.fieldguide.orders.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fieldguide.orders.observability.ScheduledSamples;
import dev.fieldguide.orders.reporting.SalesFixture.Line;
import dev.fieldguide.orders.reporting.SalesFixture.Totals;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.TestData;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PG8: after a refresh the view holds exactly what the live aggregate over orders and lines says
 * (UTC days, cancelled orders left out); orders placed later appear only with the next refresh;
 * the freshness gauge reads the shared refresh record.
 */
@IntegrationTest
class DailySalesViewIntegrationTests {

  @Autowired
  DailySalesView view;

  @Autowired
  DailySalesReport report;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  TestData data;

  @Autowired
  MeterRegistry meters;

  @Autowired
  ScheduledSamples samples;

  private SalesFixture sales;

  @BeforeEach
  void fixture() {
    sales = new SalesFixture(data, jdbc);
  }

  @Test
  void afterARefreshTheViewEqualsTheLiveAggregateOnUtcDaysWithoutCancelledOrders() {
    long mug = sales.product();
    long lamp = sales.product();
    // 23:30 and 00:30 UTC are two days, even where local time makes them one.
    sales.order(Instant.parse("2026-01-10T23:30:00Z"), "PAID", new Line(mug, 2, 150),
        new Line(lamp, 1, 900));
    sales.order(Instant.parse("2026-01-10T08:00:00Z"), "NEW", new Line(mug, 1, 150));
    sales.order(Instant.parse("2026-01-10T09:00:00Z"), "CANCELLED", new Line(mug, 5, 150));
    sales.order(Instant.parse("2026-01-11T00:30:00Z"), "DELIVERED", new Line(mug, 3, 140));
    sales.order(Instant.parse("2026-01-11T12:00:00Z"), "CANCELLED", new Line(lamp, 4, 900));

    view.refresh();

    Map<String, Totals> rows = sales.viewRows(List.of(mug, lamp));
    assertThat(rows).isEqualTo(Map.of(
        "2026-01-10/" + mug, new Totals(2, 3, 450),
        "2026-01-10/" + lamp, new Totals(1, 1, 900),
        "2026-01-11/" + mug, new Totals(1, 3, 420)));
    assertThat(rows).isEqualTo(sales.liveRows(List.of(mug, lamp)));
  }

  @Test
  void ordersPlacedAfterARefreshAppearWithTheNextOne() {
    long kettle = sales.product();
    Instant day = Instant.parse("2026-02-03T10:00:00Z");
    sales.order(day, "PAID", new Line(kettle, 1, 2_000));
    DailySalesView.Refresh first = view.refresh();

    sales.order(day.plusSeconds(60), "SHIPPED", new Line(kettle, 2, 2_000));
    DailySales stale = report.read(LocalDate.parse("2026-02-03"), LocalDate.parse("2026-02-03"),
        kettle);
    DailySalesView.Refresh second = view.refresh();
    DailySales fresh = report.read(LocalDate.parse("2026-02-03"), LocalDate.parse("2026-02-03"),
        kettle);

    if (stale.asOf().equals(first.asOf())) { // no periodic refresh slipped in between
      assertThat(stale.items()).extracting(DailySales.Row::units).containsExactly(1L);
    }
    assertThat(second.concurrently()).isTrue();
    assertThat(fresh.asOf()).isEqualTo(second.asOf()).isAfter(first.asOf());
    assertThat(fresh.items()).containsExactly(
        new DailySales.Row(LocalDate.parse("2026-02-03"), kettle, 2, 3, 6_000));
  }

  @Test
  void theFreshnessGaugeIsTheAgeOfTheSharedRefreshRecord() {
    view.refresh();
    assertThat(age()).isBetween(0.0, 60.0);

    // What any instance, or this one after a restart, would read: the record, not memory.
    jdbc.sql("UPDATE report_refreshes SET refreshed_at = now() - interval '1 hour'"
        + " WHERE view_name = 'daily_product_sales'").update();
    try {
      assertThat(age()).isCloseTo(3_600.0, within(60.0));
    } finally {
      view.refresh();
    }
    assertThat(age()).isBetween(0.0, 60.0);
  }

  /** The gauge after a fresh sample of the refresh record (the scrape itself reads none). */
  private double age() {
    samples.sampleNow();
    return meters.get("fieldguide.report.age").tag("view", "daily_product_sales").gauge().value();
  }
}
