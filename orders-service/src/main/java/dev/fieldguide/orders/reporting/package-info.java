/**
 * PG8, PG9 — reporting: reports read a materialized view of daily sales per product that a Quartz
 * cron job refreshes {@code CONCURRENTLY} (readers never wait for it), with the data's age exported
 * as a gauge; the reads are {@code @ReplicaRead}, so they run on the replica pool ({@code
 * db.ReadReplicaRouting}, D7).
 *
 * <p>{@code DailySalesView} refreshes and records when; {@code RefreshDailySalesTask} is the
 * periodic job; {@code ReportFreshnessMetrics} is the gauge; {@code DailySalesReport} and {@code
 * DailySalesController} serve {@code GET /api/v1/reports/daily-sales}. PG9: {@code
 * SalesStatsConsumer} keeps per-day counters from the order stream with one upsert per event.
 *
 * @see dev.fieldguide.orders.reporting.DailySalesViewIntegrationTests
 * @see dev.fieldguide.orders.reporting.ConcurrentRefreshIntegrationTests
 * @see dev.fieldguide.orders.reporting.DailySalesApiIntegrationTests
 * @see dev.fieldguide.orders.reporting.SalesStatsConsumerIntegrationTests
 */
@ApplicationModule(displayName = "reporting (PG8, PG9)", allowedDependencies = {"db", "errors",
    "jobs", "observability", "orders", "outbox", "web"})
@NullMarked
package dev.fieldguide.orders.reporting;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
