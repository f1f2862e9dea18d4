package dev.fieldguide.core.performance;

import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** P9: summing {@code size} generated amounts through a list against straight off the stream. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// A fixed, pre-touched heap: with a growing default heap, page faults on fresh memory made the
// allocation-heavy runs on the 2-core VM vary tenfold between iterations.
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class AmountSumsBenchmark {

  @Param({"10000", "1000000"})
  int size;

  private LongStream amounts() {
    return LongStream.range(0, size).map(i -> 1_000 + i % 9_000);
  }

  @Benchmark
  public long materialisedNaive() {
    return AmountSums.sumMaterialisedNaive(amounts());
  }

  @Benchmark
  public long streamed() {
    return AmountSums.sumStreamed(amounts());
  }
}
