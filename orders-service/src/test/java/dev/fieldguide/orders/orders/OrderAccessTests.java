package dev.fieldguide.orders.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldguide.orders.errors.DomainException;
import dev.fieldguide.orders.errors.FieldProblem;
import dev.fieldguide.orders.errors.NotFoundException;
import dev.fieldguide.orders.security.Caller;
import org.junit.jupiter.api.Test;

/**
 * A4 without a token: the caller is the record the verified token would make. A customer sees and
 * places its own orders only, an admin everyone's; someone else's order is the missing order's 404.
 */
class OrderAccessTests {

  private static final Caller ADMIN = new Caller("admin", null, true);
  private static final Caller CUSTOMER_7 = new Caller("alice", 7L, false);
  private static final Caller NO_CUSTOMER = new Caller("service", null, false);

  @Test
  void anAdminListsWithTheFilterAsAsked() {
    var filter = new OrderFilter(9L, OrderStatus.PAID);

    assertThat(OrderAccess.restrict(filter, ADMIN)).isSameAs(filter);
    assertThat(OrderAccess.restrict(OrderFilter.NONE, ADMIN)).isSameAs(OrderFilter.NONE);
  }

  @Test
  void aCustomersListIsNarrowedToItsOwnOrdersKeepingTheStatus() {
    assertThat(OrderAccess.restrict(new OrderFilter(null, OrderStatus.NEW), CUSTOMER_7))
        .isEqualTo(new OrderFilter(7L, OrderStatus.NEW));
    assertThat(OrderAccess.restrict(new OrderFilter(7L, null), CUSTOMER_7))
        .isEqualTo(new OrderFilter(7L, null));
  }

  @Test
  void aCustomerAskingForAnotherCustomersOrdersGetsNothing() {
    assertThat(OrderAccess.restrict(new OrderFilter(8L, null), CUSTOMER_7)).isNull();
  }

  @Test
  void aCallerThatIsNeitherAdminNorCustomerGetsNothing() {
    assertThat(OrderAccess.restrict(OrderFilter.NONE, NO_CUSTOMER)).isNull();
  }

  @Test
  void anOrderIsVisibleToItsCustomerAndToAdmins() {
    assertThatCode(() -> OrderAccess.requireVisible(100, 7, CUSTOMER_7))
        .doesNotThrowAnyException();
    assertThatCode(() -> OrderAccess.requireVisible(100, 8, ADMIN)).doesNotThrowAnyException();
  }

  @Test
  void someoneElsesOrderIsWordForWordAMissingOne() {
    var missing = new NotFoundException("order", 100L);

    assertThatThrownBy(() -> OrderAccess.requireVisible(100, 8, CUSTOMER_7))
        .isInstanceOfSatisfying(NotFoundException.class, refused -> {
          assertThat(refused.code()).isEqualTo(missing.code()).isEqualTo("ORDER_NOT_FOUND");
          assertThat(refused.detail()).isEqualTo(missing.detail());
        });
    assertThatThrownBy(() -> OrderAccess.requireVisible(100, 7, NO_CUSTOMER))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aCustomerPlacesOrdersForItselfOnly() {
    assertThatCode(() -> OrderAccess.requireMayPlaceFor(7, CUSTOMER_7))
        .doesNotThrowAnyException();
    assertThatCode(() -> OrderAccess.requireMayPlaceFor(8, ADMIN)).doesNotThrowAnyException();
    assertThatThrownBy(() -> OrderAccess.requireMayPlaceFor(8, CUSTOMER_7))
        .isInstanceOfSatisfying(DomainException.class, refused -> {
          assertThat(refused.kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
          assertThat(refused.code()).isEqualTo("NOT_YOUR_CUSTOMER");
          assertThat(refused.errors()).extracting(FieldProblem::field)
              .containsExactly("customerId");
        });
  }
}
