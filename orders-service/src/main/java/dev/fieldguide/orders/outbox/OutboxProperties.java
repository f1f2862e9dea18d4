package dev.fieldguide.orders.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code fieldguide.outbox.*}: where events go, how often and how much the relay claims, how
 * failures back off before an event is declared dead, and how long a consumer's unacknowledged
 * message waits before another consumer reclaims it.
 */
@ConfigurationProperties("fieldguide.outbox")
record OutboxProperties(String stream, int batchSize, int maxAttempts, Duration firstRetry,
    Duration maxRetry, Duration reclaimAfter) {

  OutboxProperties {
    stream = stream == null ? "orders.events" : stream;
    batchSize = batchSize <= 0 ? 100 : batchSize;
    maxAttempts = maxAttempts <= 0 ? 8 : maxAttempts;
    firstRetry = firstRetry == null ? Duration.ofSeconds(1) : firstRetry;
    maxRetry = maxRetry == null ? Duration.ofMinutes(5) : maxRetry;
    reclaimAfter = reclaimAfter == null ? Duration.ofSeconds(30) : reclaimAfter;
  }
}
