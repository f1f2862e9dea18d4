package dev.fieldguide.core.performance;

import java.util.List;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/** P9: joining {@code size} ids with {@code +=}, a {@code StringBuilder} and String.join. */
public class ConcatenationBenchmark extends BenchmarkSettings {

  @Param({"100", "1000", "10000"})
  int size;

  private List<String> ids = List.of();

  @Setup
  public void ids() {
    ids = IntStream.range(0, size).mapToObj(i -> "customer-" + i).toList();
  }

  @Benchmark
  public String plusEqualsNaive() {
    return Concatenation.joinNaive(ids, ", ");
  }

  @Benchmark
  public String builder() {
    return Concatenation.joinWithBuilder(ids, ", ");
  }

  @Benchmark
  public String join() {
    return Concatenation.join(ids, ", ");
  }
}
