package dev.fieldguide.orders.lab;

import dev.fieldguide.orders.catalog.SingleFlight;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Fixture: single flight inside one JVM only. It stops the stampede of one instance, but N
 * instances still load N times, which is why production locks in Redis.
 */
public final class JvmSingleFlight implements SingleFlight {

  private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

  @Override
  public <T> T run(String key, Supplier<T> work) {
    ReentrantLock lock = locks.computeIfAbsent(key, k -> new ReentrantLock());
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }
}
