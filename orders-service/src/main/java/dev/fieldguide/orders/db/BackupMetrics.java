package dev.fieldguide.orders.db;

import dev.fieldguide.orders.observability.SampledValue;
import dev.fieldguide.orders.observability.ScheduledSamples;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * PG10: what point-in-time recovery depends on, as gauges — whether WAL archiving is failing and
 * how old the last archived segment and the last verified base backup are — read from {@code
 * pg_stat_archiver} and {@code base_backups} on the sample schedule. Ages are taken from now at
 * each scrape, so they grow between readings; the archive's are NaN where {@code archive_mode}
 * is off, and a backup never recorded is infinitely old.
 */
@Component
class BackupMetrics implements MeterBinder {

  private final SampledValue<Facts> facts;

  BackupMetrics(JdbcClient jdbc, ScheduledSamples samples) {
    this.facts = samples.register("fieldguide.db.backup", () -> jdbc.sql("""
        SELECT current_setting('archive_mode') <> 'off' AS archiving,
               extract(epoch FROM a.last_archived_time)::float8 AS last_archived,
               coalesce(a.last_failed_time > a.last_archived_time,
                        a.last_failed_time IS NOT NULL) AS failing,
               (SELECT extract(epoch FROM max(finished_at))::float8 FROM base_backups
                WHERE verified) AS last_backup
        FROM pg_stat_archiver a
        """).query((rs, row) -> new Facts(rs.getBoolean("archiving"),
        rs.getObject("last_archived", Double.class), rs.getBoolean("failing"),
        rs.getObject("last_backup", Double.class))).single());
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    gauge(registry, "fieldguide.db.wal.archive.failing", null,
        "1 while archive_command's last attempt failed, else 0; NaN if archive_mode is off",
        f -> f.archiving() ? (f.failing() ? 1 : 0) : Double.NaN);
    gauge(registry, "fieldguide.db.wal.archive.age", "seconds",
        "seconds since the last WAL segment was archived; NaN if archive_mode is off",
        f -> f.archiving() ? age(f.lastArchived()) : Double.NaN);
    gauge(registry, "fieldguide.db.backup.age", "seconds",
        "seconds since the last verified base backup finished (scripts/db-base-backup.sh)",
        f -> age(f.lastBackup()));
  }

  private void gauge(MeterRegistry registry, String name, @Nullable String unit,
      String description, ToDoubleFunction<Facts> value) {
    Gauge.builder(name, facts, sample -> sample.value(value)).baseUnit(unit)
        .description(description).register(registry);
  }

  private static double age(@Nullable Double epochSeconds) {
    return epochSeconds == null
        ? Double.POSITIVE_INFINITY
        : System.currentTimeMillis() / 1000.0 - epochSeconds;
  }

  /** One reading: the archiver's state and the newest verified base backup (epoch seconds). */
  private record Facts(boolean archiving, @Nullable Double lastArchived, boolean failing,
      @Nullable Double lastBackup) {}
}
