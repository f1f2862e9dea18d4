package dev.fieldguide.orders.reporting;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code fieldguide.reporting.*}: how long a refresh may wait for its lock and run, how long a
 * report read may wait for a lock and run, and the widest date range one request may ask for.
 *
 * @param refreshLockTimeout a refresh gives up rather than queue behind another lock holder
 *     (DDL, a manual refresh) and hold up everything queued behind it in turn
 * @param refreshStatementTimeout kept below the refresh period, so a slow refresh ends before
 *     the next one is due
 * @param readLockTimeout a report read fails fast instead of hanging behind an exclusive lock
 * @param readStatementTimeout the longest a report query may run
 * @param maxRangeDays the widest range (both ends included) one request may ask for
 */
@ConfigurationProperties("fieldguide.reporting")
record ReportingProperties(Duration refreshLockTimeout, Duration refreshStatementTimeout,
    Duration readLockTimeout, Duration readStatementTimeout, int maxRangeDays) {

  ReportingProperties {
    refreshLockTimeout = refreshLockTimeout == null ? Duration.ofSeconds(5) : refreshLockTimeout;
    refreshStatementTimeout = refreshStatementTimeout == null
        ? Duration.ofMinutes(4)
        : refreshStatementTimeout;
    readLockTimeout = readLockTimeout == null ? Duration.ofSeconds(1) : readLockTimeout;
    readStatementTimeout = readStatementTimeout == null
        ? Duration.ofSeconds(10)
        : readStatementTimeout;
    maxRangeDays = maxRangeDays <= 0 ? 31 : maxRangeDays;
  }
}
