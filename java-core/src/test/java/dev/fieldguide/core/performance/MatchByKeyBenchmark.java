package dev.fieldguide.core.performance;

import java.util.List;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/** P9: {@code size} orders matched to {@code size / 10} customers, nested loop against index. */
public class MatchByKeyBenchmark extends BenchmarkSettings {

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
