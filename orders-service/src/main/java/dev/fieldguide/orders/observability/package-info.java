/**
 * O1, O4, O5 — which metrics to expose, a sound alerting strategy, dashboards that stay useful.
 * The alert rules ({@code prometheus/alerts.yml}) and the Grafana dashboards name only series a
 * real scrape of the service contains, every alert has a runbook and promtool cases, and every
 * dashboard panel has a data source and queries.
 *
 * <p>A scrape does no I/O: values that cost a query or a Redis round trip are read on a schedule
 * of their own with a timeout ({@code ScheduledSamples}), and served as their last reading
 * ({@code SampledValue}) next to its age, {@code fieldguide.metrics.sample.age{sample}}; with
 * every pool connection held the scrape still answers at once and shows the saturation.
 *
 * <p>Probes do no I/O either: the {@code db} and {@code redis} health indicators run on a faster
 * schedule of their own ({@code SampledHealth}), and on the API's port the liveness and readiness
 * probes are answered ahead of the API's filters ({@code HealthProbes}).
 *
 * @see dev.fieldguide.orders.observability.MetricsScrapeIntegrationTests
 * @see dev.fieldguide.orders.observability.SaturatedPoolScrapeIntegrationTests
 * @see dev.fieldguide.orders.deploy.ProbesWithoutDatabaseIntegrationTests
 * @see dev.fieldguide.orders.deploy.HealthProbesIntegrationTests
 * @see dev.fieldguide.orders.observability.AlertRulesTests
 * @see dev.fieldguide.orders.observability.GrafanaDashboardsTests
 */
@ApplicationModule(displayName = "observability (O1, O4, O5)", allowedDependencies = "web")
@NullMarked
package dev.fieldguide.orders.observability;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
