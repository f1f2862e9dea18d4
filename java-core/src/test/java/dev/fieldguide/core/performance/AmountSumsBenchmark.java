package dev.fieldguide.core.performance;

import java.util.stream.LongStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/** P9: summing {@code size} generated amounts through a list against straight off the stream. */
public class AmountSumsBenchmark extends BenchmarkSettings {

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
