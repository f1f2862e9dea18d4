package dev.fieldguide.orders.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes expired keys in batches, each its own short statement, so a large backlog never turns
 * into one long transaction that bloats the table and blocks vacuum.
 */
@Component
class IdempotencyKeyCleanup {

  private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyCleanup.class);

  private final IdempotencyKeyStore store;
  private final IdempotencyProperties properties;

  IdempotencyKeyCleanup(IdempotencyKeyStore store, IdempotencyProperties properties) {
    this.store = store;
    this.properties = properties;
  }

  @Scheduled(fixedDelayString = "${fieldguide.idempotency.cleanup-interval:PT1H}", initialDelayString = "${fieldguide.idempotency.cleanup-interval:PT1H}")
  void run() {
    long deleted = deleteExpired();
    if (deleted > 0) {
      log.info("Deleted {} expired idempotency keys", deleted);
    }
  }

  /** Deletes every expired key, one batch per statement; returns the total. */
  long deleteExpired() {
    long total = 0;
    int deleted;
    do {
      deleted = store.deleteExpired(properties.cleanupBatchSize());
      total += deleted;
    } while (deleted == properties.cleanupBatchSize());
    return total;
  }
}
