package dev.fieldguide.core.performance;

import java.lang.management.ManagementFactory;

/**
 * Reads how many bytes the current thread allocates while running a piece of work: a count the JVM
 * keeps per thread, so it measures how much memory an algorithm churns through without timing it.
 */
final class AllocatedBytes {

  private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory
      .getThreadMXBean();

  private AllocatedBytes() {}

  /**
   * Runs {@code work} once unmeasured, so class loading and lambda set-up are not counted, then
   * once measured.
   */
  static long of(Runnable work) {
    work.run();
    long before = THREADS.getCurrentThreadAllocatedBytes();
    work.run();
    return THREADS.getCurrentThreadAllocatedBytes() - before;
  }
}
