package dev.fieldguide.core.performance;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** P9: joining {@code size} ids with {@code +=}, a {@code StringBuilder} and String.join. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// A fixed, pre-touched heap: with a growing default heap, page faults on fresh memory made the
// allocation-heavy runs on the 2-core VM vary tenfold between iterations.
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class ConcatenationBenchmark {

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
