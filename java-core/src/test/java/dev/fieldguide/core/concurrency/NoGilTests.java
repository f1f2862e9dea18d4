package dev.fieldguide.core.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/**
 * What the variants do, proven without a clock: each computes the same answer, and the GIL model
 * takes its shared lock once per turn of {@link CpuParallelism#NUMBERS_PER_TURN} numbers, with
 * never two threads computing at once. How much faster two free cores make the job is a
 * performance claim: {@code NoGilBenchmark} measures it (docs/python-core.md shows a recorded run).
 */
class NoGilTests {

  private static final CollatzSteps JOB = new CollatzSteps(1, 300_000);

  @Test
  void everyVariantComputesTheSameAnswer() throws InterruptedException {
    long expected = CpuParallelism.onOneThread(JOB);

    assertThat(CpuParallelism.onPlatformThreads(JOB, 3)).isEqualTo(expected);
    assertThat(CpuParallelism.onThreadsBehindOneLock(JOB, 3, new ReentrantLock()))
        .isEqualTo(expected);
    assertThat(CpuParallelism.onParallelStream(JOB)).isEqualTo(expected);
  }

  @Test
  void theSharedLockIsTakenOncePerTurnAndHeldByOneThreadAtATime() throws InterruptedException {
    HolderCountingLock gil = new HolderCountingLock();

    CpuParallelism.onThreadsBehindOneLock(JOB, 3, gil);

    long turns = Arrays.stream(JOB.split(3)).mapToLong(slice -> Math.ceilDiv(
        slice.toExclusive() - slice.fromInclusive(), CpuParallelism.NUMBERS_PER_TURN)).sum();
    assertThat(gil.acquisitions.get()).isEqualTo(turns);
    assertThat(gil.mostHoldersAtOnce.get()).isEqualTo(1);
  }

  /** A lock that counts its acquisitions and the most threads ever inside it at once. */
  private static final class HolderCountingLock extends ReentrantLock {
    private final AtomicInteger holders = new AtomicInteger();
    final AtomicInteger acquisitions = new AtomicInteger();
    final AtomicInteger mostHoldersAtOnce = new AtomicInteger();

    @Override
    public void lock() {
      super.lock();
      acquisitions.incrementAndGet();
      mostHoldersAtOnce.accumulateAndGet(holders.incrementAndGet(), Math::max);
    }

    @Override
    public void unlock() {
      holders.decrementAndGet();
      super.unlock();
    }
  }
}
