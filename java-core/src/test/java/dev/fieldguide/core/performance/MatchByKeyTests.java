package dev.fieldguide.core.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * P9: matching n orders to m customers with a nested loop costs n × m key comparisons; through a
 * {@code HashMap} index it costs one hash per customer and per order.
 */
class MatchByKeyTests {

  private static final int ORDERS = 500;
  private static final int CUSTOMERS = 200;

  private final CountingKeys keys = new CountingKeys();
  private final List<Customer> customers = IntStream.range(0, CUSTOMERS)
      .mapToObj(i -> new Customer(keys.key(i), "customer " + i))
      .toList();
  // Customer ids 0..249: the orders of the 50 ids no customer has stay unmatched.
  private final List<Order> orders = IntStream.range(0, ORDERS)
      .mapToObj(i -> new Order(i, keys.key(i % 250))).toList();

  @Test
  void nestedLoopComparesEveryOrderWithEveryCustomer() {
    keys.reset();

    var matches = MatchByKey.nestedLoopNaive(orders, Order::customerId, customers, Customer::id);

    assertThat(matches).hasSize(400);
    assertThat(keys.equalsCalls()).isEqualTo((long) ORDERS * CUSTOMERS);
  }

  @Test
  void indexHashesEachCustomerAndEachOrderOnce() {
    keys.reset();

    var matches = MatchByKey.indexed(orders, Order::customerId, customers, Customer::id);

    assertThat(matches).hasSize(400);
    assertThat(keys.equalsCalls()).isLessThanOrEqualTo(ORDERS);
    assertThat(keys.hashCodeCalls()).isEqualTo(ORDERS + CUSTOMERS);
  }

  @Test
  void bothVariantsPairTheSameOrdersWithTheSameCustomers() {
    assertThat(MatchByKey.indexed(orders, Order::customerId, customers, Customer::id))
        .isEqualTo(MatchByKey.nestedLoopNaive(orders, Order::customerId, customers, Customer::id));
  }

  private record Customer(CountingKeys.Key id, String name) {}

  private record Order(int number, CountingKeys.Key customerId) {}
}
