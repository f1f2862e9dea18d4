package dev.fieldguide.core.concurrency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Times the same CPU-bound job side by side in one run and asserts ratios, not durations. The
 * bounds are generous because the build machine has two shared cores: a perfect result is 2.0×.
 */
class NoGilTests {

  /** About a third of a second of work on one core of the build machine. */
  private static final CollatzSteps JOB = new CollatzSteps(1, 1_500_000);
  private static final int ROUNDS = 5;

  private static long expectedSteps;

  @BeforeAll
  static void needsTwoCoresAndWarmCode() {
    assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "parallelism needs two cores");
    expectedSteps = CpuParallelism.onOneThread(JOB); // also lets the JIT compile the loop
  }

  @Test
  void cpuBoundWorkRunsFasterOnTwoPlatformThreads() throws InterruptedException {
    double speedup = speedupOver(() -> CpuParallelism.onPlatformThreads(JOB, 2));

    System.out.printf("P3 speedup, 2 platform threads vs 1: %.2fx%n", speedup);
    assertThat(speedup).isGreaterThan(1.3);
  }

  @Test
  void oneSharedLockTakesTheSpeedupAway() throws InterruptedException {
    ReentrantLock gil = new ReentrantLock();
    double speedup = speedupOver(() -> CpuParallelism.onThreadsBehindOneLock(JOB, 2, gil));

    System.out.printf("P3 speedup, 2 platform threads behind one lock vs 1: %.2fx%n", speedup);
    assertThat(speedup).isLessThan(1.2);
  }

  @Test
  void everyVariantComputesTheSameAnswer() throws InterruptedException {
    assertThat(CpuParallelism.onPlatformThreads(JOB, 3)).isEqualTo(expectedSteps);
    assertThat(CpuParallelism.onThreadsBehindOneLock(JOB, 3, new ReentrantLock()))
        .isEqualTo(expectedSteps);
    assertThat(CpuParallelism.onParallelStream(JOB)).isEqualTo(expectedSteps);
  }

  /**
   * One thread's time over the variant's, each the fastest of several interleaved rounds: the
   * minimum is the run least disturbed by other processes on a shared machine.
   */
  private static double speedupOver(Job variant) throws InterruptedException {
    long oneThread = Long.MAX_VALUE;
    long other = Long.MAX_VALUE;
    for (int round = 0; round < ROUNDS; round++) {
      oneThread = Math.min(oneThread, nanos(() -> CpuParallelism.onOneThread(JOB)));
      other = Math.min(other, nanos(variant));
    }
    return (double) oneThread / other;
  }

  /** Runs the job and returns its wall-clock time, checking the answer so no variant can cheat. */
  private static long nanos(Job job) throws InterruptedException {
    long start = System.nanoTime();
    long steps = job.run();
    long elapsed = System.nanoTime() - start;
    assertThat(steps).isEqualTo(expectedSteps);
    return elapsed;
  }

  @FunctionalInterface
  private interface Job {
    long run() throws InterruptedException;
  }
}
