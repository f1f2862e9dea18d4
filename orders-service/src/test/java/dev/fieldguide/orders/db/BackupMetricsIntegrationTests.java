package dev.fieldguide.orders.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fieldguide.orders.observability.ScheduledSamples;
import dev.fieldguide.orders.support.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PG10: the backup gauges read what {@code scripts/db-base-backup.sh} recorded (the newest
 * verified base backup, not an unverified one) and what {@code pg_stat_archiver} says.
 */
@IntegrationTest
class BackupMetricsIntegrationTests {

  @Autowired
  JdbcClient jdbc;

  @Autowired
  MeterRegistry meters;

  @Autowired
  ScheduledSamples samples;

  @Test
  void theBackupAgeIsThatOfTheNewestVerifiedBaseBackup() {
    jdbc.sql("DELETE FROM base_backups").update();
    samples.sampleNow();
    assertThat(gauge("fieldguide.db.backup.age")).as("none recorded").isInfinite();

    jdbc.sql("""
        INSERT INTO base_backups (label, finished_at, verified) VALUES
          ('older', now() - interval '30 hours', true),
          ('newest verified', now() - interval '2 hours', true),
          ('unverified', now() - interval '1 minute', false)
        """).update();
    samples.sampleNow();

    assertThat(gauge("fieldguide.db.backup.age")).isCloseTo(7_200, within(60.0));
  }

  @Test
  void theArchiveGaugesFollowPgStatArchiver() {
    boolean archiving = jdbc.sql("SELECT current_setting('archive_mode') <> 'off'")
        .query(Boolean.class).single();
    samples.sampleNow();

    if (archiving) {
      assertThat(gauge("fieldguide.db.wal.archive.failing")).isIn(0.0, 1.0);
      assertThat(gauge("fieldguide.db.wal.archive.age")).isPositive();
    } else {
      assertThat(gauge("fieldguide.db.wal.archive.failing")).isNaN();
      assertThat(gauge("fieldguide.db.wal.archive.age")).isNaN();
    }
  }

  private double gauge(String name) {
    return meters.get(name).gauge().value();
  }
}
