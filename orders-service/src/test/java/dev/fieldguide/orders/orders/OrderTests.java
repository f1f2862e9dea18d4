package dev.fieldguide.orders.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldguide.orders.catalog.Product;
import dev.fieldguide.orders.db.BaseEntity;
import dev.fieldguide.orders.errors.DomainException;
import dev.fieldguide.orders.errors.FieldProblem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** The order aggregate's own rules, without Spring or a database. */
class OrderTests {

  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

  private final Customer customer = persisted(new Customer("a@example.test", "A"), 1);
  private final Product mug = persisted(new Product("MUG", "Mug", 1_250, 10, Map.of()), 11);
  private final Product lamp = persisted(new Product("LAMP", "Lamp", 4_000, 3, Map.of()), 12);

  @Test
  void theTotalIsEachUnitPriceTimesQuantitySummed() {
    Order order = Order.place(customer, List.of(new Order.PricedLine(mug, 2, 1_250),
        new Order.PricedLine(lamp, 1, 4_000)), NOW);

    assertThat(order.getTotalCents()).isEqualTo(2 * 1_250 + 4_000);
    assertThat(order.getLines()).extracting(OrderLine::getQuantity).containsExactly(2, 1);
    assertThat(order.getStatus()).isEqualTo(OrderStatus.NEW);
  }

  @Test
  void aTotalThatOverflowsALongIsRefusedNotWrappedRound() {
    var huge = new Order.PricedLine(mug, 3, Long.MAX_VALUE / 2);
    var sumTooLarge = List.of(new Order.PricedLine(mug, 1, Long.MAX_VALUE),
        new Order.PricedLine(lamp, 1, 1));

    assertThatThrownBy(() -> Order.place(customer, List.of(huge), NOW))
        .isInstanceOfSatisfying(DomainException.class, refused -> {
          assertThat(refused.kind()).isEqualTo(DomainException.Kind.INVALID);
          assertThat(refused.code()).isEqualTo("ORDER_TOTAL_TOO_LARGE");
          assertThat(refused.errors()).extracting(FieldProblem::field).containsExactly("lines");
        });
    assertThatThrownBy(() -> Order.place(customer, sumTooLarge, NOW))
        .isInstanceOf(DomainException.class);
  }

  @Test
  void aTotalOfExactlyTheLargestLongIsStillCharged() {
    long allButOne = Long.MAX_VALUE - 1;
    var upToTheLimit = List.of(new Order.PricedLine(mug, 1, allButOne),
        new Order.PricedLine(lamp, 1, 1));

    assertThat(Order.place(customer, upToTheLimit, NOW).getTotalCents())
        .isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void aNewOrderIsPaidShippedAndDelivered() {
    Order order = newOrder();

    order.pay();
    order.ship();
    order.deliver();

    assertThat(order.getStatus()).isEqualTo(OrderStatus.DELIVERED);
  }

  @Test
  void anOrderIsCancelledWhileNewOrPaid() {
    Order fresh = newOrder();
    Order paid = newOrder();
    paid.pay();

    fresh.cancel();
    paid.cancel();

    assertThat(List.of(fresh.getStatus(), paid.getStatus()))
        .containsOnly(OrderStatus.CANCELLED);
  }

  @Test
  void illegalTransitionsAreRefusedAndChangeNothing() {
    assertRefused(newOrder(), Order::ship, OrderStatus.NEW);
    assertRefused(newOrder(), Order::deliver, OrderStatus.NEW);
    Order shipped = newOrder();
    shipped.pay();
    shipped.ship();
    assertRefused(shipped, Order::cancel, OrderStatus.SHIPPED);
    assertRefused(shipped, Order::pay, OrderStatus.SHIPPED);
    Order cancelled = newOrder();
    cancelled.cancel();
    assertRefused(cancelled, Order::pay, OrderStatus.CANCELLED);
    assertRefused(cancelled, Order::cancel, OrderStatus.CANCELLED);
  }

  @Test
  void orderPlacedIsRegisteredOnceAndGoneAfterPublication() {
    Order order = persisted(newOrder(), 42);

    assertThat(order.domainEvents()).containsExactly(new Order.OrderPlaced(42, 1, 2_500, NOW,
        List.of(new Order.OrderPlaced.PlacedLine(11, 2, 1_250))));
    assertThat(order.domainEvents()).as("asking again registers nothing new").hasSize(1);
    order.domainEventsPublished();
    order.pay();

    assertThat(order.domainEvents()).isEmpty();
  }

  private Order newOrder() {
    return Order.place(customer, List.of(new Order.PricedLine(mug, 2, 1_250)), NOW);
  }

  private static void assertRefused(Order order, Consumer<Order> transition,
      OrderStatus unchanged) {
    assertThatThrownBy(() -> transition.accept(order))
        .isInstanceOfSatisfying(DomainException.class, refused -> {
          assertThat(refused.kind()).isEqualTo(DomainException.Kind.CONFLICT);
          assertThat(refused.code()).isEqualTo("ILLEGAL_STATUS_TRANSITION");
        });
    assertThat(order.getStatus()).isEqualTo(unchanged);
  }

  /** Stands in for the database, which assigns ids on insert (IDENTITY). */
  private static <T extends BaseEntity> T persisted(T entity, long id) {
    ReflectionTestUtils.setField(entity, "id", id);
    return entity;
  }
}
