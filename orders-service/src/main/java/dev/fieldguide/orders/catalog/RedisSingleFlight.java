package dev.fieldguide.orders.catalog;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;

/** Single flight across all instances: a Redisson lock per key, held with a lease. */
final class RedisSingleFlight implements SingleFlight {

  private static final String LOCK = "fieldguide:lock:";

  private final RedissonClient redisson;
  private final Duration lease;

  public RedisSingleFlight(RedissonClient redisson, Duration lease) {
    this.redisson = redisson;
    this.lease = lease;
  }

  @Override
  public <T> T run(String key, Supplier<T> work) {
    RLock lock = redisson.getLock(LOCK + key);
    // A lease, not the watchdog: a holder that dies (or stalls past it) cannot block the key.
    lock.lock(lease.toMillis(), TimeUnit.MILLISECONDS);
    try {
      return work.get();
    } finally {
      // After a stall past the lease the lock may belong to someone else by now; never free it.
      if (lock.isHeldByCurrentThread()) {
        lock.unlock();
      }
    }
  }
}
