package dev.fieldguide.orders.idempotency;

import dev.fieldguide.orders.jobs.RetryPolicy;
import dev.fieldguide.orders.jobs.Task;
import dev.fieldguide.orders.jobs.TaskContext;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Task {@code expire-idempotency-keys}: deletes expired keys in batches, each its own short
 * statement, so a large backlog never turns into one long transaction that bloats the table and
 * blocks vacuum. It runs on a Quartz cron trigger ({@code fieldguide.jobs.schedules}), so one node
 * of the cluster runs it per firing, not every node on its own timer.
 */
@Component
class IdempotencyKeyCleanup implements Task {

  static final String TYPE = "expire-idempotency-keys";
  private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyCleanup.class);

  private final IdempotencyKeyStore store;
  private final IdempotencyProperties properties;

  IdempotencyKeyCleanup(IdempotencyKeyStore store, IdempotencyProperties properties) {
    this.store = store;
    this.properties = properties;
  }

  @Override
  public String type() {
    return TYPE;
  }

  /** Not retried: the next hourly firing picks up whatever this one left. */
  @Override
  public RetryPolicy retryPolicy() {
    return RetryPolicy.NO_RETRY;
  }

  @Override
  public Object run(TaskContext context) {
    long deleted = deleteExpired();
    if (deleted > 0) {
      log.info("Deleted {} expired idempotency keys", deleted);
    }
    return Map.of("deleted", deleted);
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
