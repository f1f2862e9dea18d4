/**
 * O1, O4, O5 — which metrics to expose, a sound alerting strategy, dashboards that stay useful.
 * The alert rules ({@code prometheus/alerts.yml}) and the Grafana dashboards name only series a
 * real scrape of the service contains, every alert has a runbook and promtool cases, and every
 * dashboard panel has a data source and queries.
 *
 * @see dev.fieldguide.orders.observability.MetricsScrapeIntegrationTests
 * @see dev.fieldguide.orders.observability.AlertRulesTests
 * @see dev.fieldguide.orders.observability.GrafanaDashboardsTests
 */
@NullMarked
package dev.fieldguide.orders.observability;

import org.jspecify.annotations.NullMarked;
