package dev.fieldguide.core.performance;

import dev.fieldguide.core.concurrency.CollatzSteps;
import dev.fieldguide.core.concurrency.CpuParallelism;
import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * P3: one CPU-bound job on one thread, on two platform threads, on two threads behind one shared
 * lock (a GIL in miniature) and on a parallel stream. A speedup needs free cores, so it is
 * measured here, side by side in one run, not asserted in a unit test.
 */
public class NoGilBenchmark extends BenchmarkSettings {

  /** About a tenth of a second of work on one core of the build machine. */
  private static final CollatzSteps JOB = new CollatzSteps(1, 500_000);

  @Benchmark
  public long oneThread() {
    return CpuParallelism.onOneThread(JOB);
  }

  @Benchmark
  public long twoPlatformThreads() throws InterruptedException {
    return CpuParallelism.onPlatformThreads(JOB, 2);
  }

  @Benchmark
  public long twoThreadsBehindOneLock() throws InterruptedException {
    return CpuParallelism.onThreadsBehindOneLock(JOB, 2, new ReentrantLock());
  }

  @Benchmark
  public long parallelStream() {
    return CpuParallelism.onParallelStream(JOB);
  }
}
