package dev.fieldguide.core.concurrency;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Python reaches for asyncio or a thread pool for I/O-bound fan-out; Java gives each blocking call
 * its own virtual thread, which parks instead of holding an OS thread while it waits.
 */
public final class BlockingFanOut {

  /** A call that blocks, like a JDBC query or an HTTP request. */
  @FunctionalInterface
  public interface BlockingCall {
    void run() throws InterruptedException;
  }

  private BlockingFanOut() {}

  /** Runs {@code calls} copies of {@code call} at once; returns how many completed normally. */
  public static int runAll(int calls, BlockingCall call) {
    AtomicInteger completed = new AtomicInteger();
    // close() waits for every task, so leaving the block means all calls have finished.
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < calls; i++) {
        executor.execute(() -> {
          try {
            call.run();
            completed.incrementAndGet();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
      }
    }
    return completed.get();
  }
}
