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

/** P9: {@code size} orders matched to {@code size / 10} customers, nested loop against index. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// A fixed, pre-touched heap: with a growing default heap, page faults on fresh memory made the
// allocation-heavy runs on the 2-core VM vary tenfold between iterations.
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class MatchByKeyBenchmark {

  @Param({"1000", "10000"})
  int size;

  private List<Order> orders = List.of();
  private List<Customer> customers = List.of();

  @Setup
  public void ordersAndCustomers() {
    int customerCount = size / 10;
    customers = IntStream.range(0, customerCount)
        .mapToObj(i -> new Customer("customer-" + i, "Customer " + i)).toList();
    orders = IntStream.range(0, size)
        .mapToObj(i -> new Order(i, "customer-" + (i * 7 % customerCount))).toList();
  }

  @Benchmark
  public List<MatchByKey.Match<Order, Customer>> nestedLoopNaive() {
    return MatchByKey.nestedLoopNaive(orders, Order::customerId, customers, Customer::id);
  }

  @Benchmark
  public List<MatchByKey.Match<Order, Customer>> indexed() {
    return MatchByKey.indexed(orders, Order::customerId, customers, Customer::id);
  }

  record Customer(String id, String name) {}

  record Order(int number, String customerId) {}
}
