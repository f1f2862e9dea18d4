package dev.fieldguide.orders.loyalty;

import dev.fieldguide.orders.jobs.PermanentFailure;
import dev.fieldguide.orders.jobs.Task;
import dev.fieldguide.orders.jobs.TaskContext;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.springframework.stereotype.Component;

/**
 * C2: task {@code award-loyalty-points} ({@code {"orderId": 42}}). Delivery is at-least-once and
 * clients may enqueue it twice, so it takes a leased lock on the order first (two runs never work
 * at once; the second finds the award made) and writes through {@link LoyaltyLedger}, whose
 * unique key holds even after the lease ran out under a stalled holder.
 */
@Component
class AwardLoyaltyPoints implements Task {

  static final Duration LEASE = Duration.ofSeconds(30);
  static final Duration WAIT = Duration.ofSeconds(10);

  private final RedissonClient redisson;
  private final LoyaltyLedger ledger;

  AwardLoyaltyPoints(RedissonClient redisson, LoyaltyLedger ledger) {
    this.redisson = redisson;
    this.ledger = ledger;
  }

  @Override
  public String type() {
    return "award-loyalty-points";
  }

  @Override
  public LoyaltyLedger.Award run(TaskContext context) throws InterruptedException {
    long orderId = context.arguments().path("orderId").asLong(0);
    if (orderId <= 0) {
      throw new PermanentFailure("arguments.orderId must be a positive order id");
    }
    RLock lock = redisson.getLock("fieldguide:lock:loyalty:order:" + orderId);
    // A lease, not the watchdog: a holder that dies frees the order after LEASE at most.
    if (!lock.tryLock(WAIT.toMillis(), LEASE.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("order " + orderId + " is being awarded; retry later");
    }
    try {
      return ledger.award(orderId, context.runId());
    } finally {
      // Past the lease the lock may be someone else's; never free theirs.
      if (lock.isHeldByCurrentThread()) {
        lock.unlock();
      }
    }
  }
}
