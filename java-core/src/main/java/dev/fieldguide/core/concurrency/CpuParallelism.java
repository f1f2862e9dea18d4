package dev.fieldguide.core.concurrency;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.function.Consumer;
import java.util.stream.LongStream;

/**
 * The same CPU-bound job run three ways — on one thread, on one platform thread per slice, and on
 * one thread per slice that must hold a shared lock to compute, which is a GIL in miniature.
 */
public final class CpuParallelism {

  /** How many numbers a thread computes per turn of the shared lock, like a GIL's switch interval. */
  static final int NUMBERS_PER_TURN = 2_000;

  private CpuParallelism() {}

  public static long onOneThread(CollatzSteps job) {
    return job.count();
  }

  /** One platform thread per slice: with no GIL they run on separate cores at the same time. */
  public static long onPlatformThreads(CollatzSteps job, int threads) throws InterruptedException {
    AtomicLong total = new AtomicLong();
    runAll(job.split(threads), slice -> total.addAndGet(slice.count()));
    return total.get();
  }

  /** As above, but every turn of work holds {@code sharedLock}: only one thread computes at once. */
  public static long onThreadsBehindOneLock(CollatzSteps job, int threads, Lock sharedLock)
      throws InterruptedException {
    AtomicLong total = new AtomicLong();
    runAll(job.split(threads), slice -> {
      for (long from = slice.fromInclusive(); from < slice
          .toExclusive(); from += NUMBERS_PER_TURN) {
        CollatzSteps turn = new CollatzSteps(from,
            Math.min(from + NUMBERS_PER_TURN, slice.toExclusive()));
        sharedLock.lock();
        try {
          total.addAndGet(turn.count());
        } finally {
          sharedLock.unlock();
        }
      }
    });
    return total.get();
  }

  /** The idiomatic way for CPU work: a parallel stream splits it over the common fork/join pool. */
  public static long onParallelStream(CollatzSteps job) {
    return LongStream.range(job.fromInclusive(), job.toExclusive()).parallel()
        .map(CollatzSteps::stepsFrom).sum();
  }

  private static void runAll(CollatzSteps[] slices, Consumer<CollatzSteps> work)
      throws InterruptedException {
    Thread[] threads = new Thread[slices.length];
    for (int i = 0; i < slices.length; i++) {
      CollatzSteps slice = slices[i];
      threads[i] = Thread.ofPlatform().name("cpu-" + i).start(() -> work.accept(slice));
    }
    for (Thread thread : threads) {
      thread.join();
    }
  }
}
