package dev.fieldguide.orders.reporting;

import dev.fieldguide.orders.observability.SampledValue;
import dev.fieldguide.orders.observability.ScheduledSamples;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * PG8: {@code fieldguide.report.age{view}} (Prometheus: {@code fieldguide_report_age_seconds}),
 * how old the data a report serves is: seconds since the last successful refresh's as-of time.
 *
 * <p>Every role registers it (the api serves reports, the worker refreshes them) and reads the
 * shared {@code report_refreshes} row, so all instances agree and a restart forgets nothing. The
 * row is read on the sample schedule, never by the scrape; the scrape subtracts its time from now,
 * so the age keeps growing between readings and, while the row cannot be read, reports at least
 * the true age. A view never refreshed is infinitely old: {@code +Inf}, which the stale alert sees.
 */
@Component
class ReportFreshnessMetrics implements MeterBinder {

  private final SampledValue<Double> refreshedAt;

  ReportFreshnessMetrics(JdbcClient jdbc, ScheduledSamples samples) {
    this.refreshedAt = samples.register("fieldguide.report.age", () -> jdbc.sql("""
        SELECT coalesce(extract(epoch FROM refreshed_at)::float8, '-Infinity'::float8)
        FROM report_refreshes WHERE view_name = ?
        """).param(DailySalesView.VIEW).query(Double.class).optional()
        .orElse(Double.NEGATIVE_INFINITY));
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("fieldguide.report.age", refreshedAt,
        sample -> sample.value(epochSeconds -> System.currentTimeMillis() / 1000.0 - epochSeconds))
        .tag("view", DailySalesView.VIEW).baseUnit("seconds")
        .description("seconds since the data of the report view was taken (its last refresh)")
        .register(registry);
  }
}
