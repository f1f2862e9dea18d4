package dev.fieldguide.orders.reporting;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * PG8: {@code fieldguide.report.age{view}} (Prometheus: {@code fieldguide_report_age_seconds}),
 * how old the data a report serves is: seconds since the last successful refresh's as-of time.
 *
 * <p>Every role registers it (the api serves reports, the worker refreshes them) and each scrape
 * reads the shared {@code report_refreshes} row, so all instances agree and a restart forgets
 * nothing. A view never refreshed is infinitely old: {@code +Inf}, which the stale alert sees.
 */
@Component
class ReportFreshnessMetrics implements MeterBinder {

  private final JdbcClient jdbc;

  ReportFreshnessMetrics(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("fieldguide.report.age", this, ReportFreshnessMetrics::ageSeconds)
        .tag("view", DailySalesView.VIEW).baseUnit("seconds")
        .description("seconds since the data of the report view was taken (its last refresh)")
        .register(registry);
  }

  double ageSeconds() {
    return jdbc.sql("""
        SELECT coalesce(extract(epoch FROM clock_timestamp() - refreshed_at)::float8,
                        'Infinity'::float8)
        FROM report_refreshes WHERE view_name = ?
        """).param(DailySalesView.VIEW).query(Double.class).optional()
        .orElse(Double.POSITIVE_INFINITY);
  }
}
