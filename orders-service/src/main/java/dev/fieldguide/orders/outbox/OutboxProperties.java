package dev.fieldguide.orders.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code fieldguide.outbox.*}: where events go and how many the stream keeps, how often and how
 * much the relay claims, how failures back off before an event is declared dead, how long a
 * consumer's unacknowledged message waits before it is delivered again, and after how many
 * deliveries a message that never settles is dead-lettered.
 */
@ConfigurationProperties("fieldguide.outbox")
record OutboxProperties(String stream, int streamMaxLength, int batchSize, int maxAttempts,
    Duration firstRetry, Duration maxRetry, Duration reclaimAfter, int maxDeliveries) {

  OutboxProperties {
    stream = stream == null ? "orders.events" : stream;
    streamMaxLength = streamMaxLength <= 0 ? 100_000 : streamMaxLength;
    batchSize = batchSize <= 0 ? 100 : batchSize;
    maxAttempts = maxAttempts <= 0 ? 8 : maxAttempts;
    firstRetry = firstRetry == null ? Duration.ofSeconds(1) : firstRetry;
    maxRetry = maxRetry == null ? Duration.ofMinutes(5) : maxRetry;
    reclaimAfter = reclaimAfter == null ? Duration.ofSeconds(30) : reclaimAfter;
    maxDeliveries = maxDeliveries <= 0 ? 5 : maxDeliveries;
  }
}
