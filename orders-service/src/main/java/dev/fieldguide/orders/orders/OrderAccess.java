package dev.fieldguide.orders.orders;

import dev.fieldguide.orders.errors.DomainException;
import dev.fieldguide.orders.errors.DomainException.Kind;
import dev.fieldguide.orders.security.Caller;
import dev.fieldguide.orders.errors.FieldProblem;
import dev.fieldguide.orders.errors.NotFoundException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A4, object-level authorization (OWASP API1): a customer sees and places only its own orders;
 * an admin, every customer's. Every read and write of orders (REST v1 and v2, GraphQL) asks here.
 *
 * <p>Someone else's order is a 404, word for word the answer for an order that does not exist, so
 * probing ids tells a customer nothing. A list is narrowed to the caller instead of refused.
 */
public final class OrderAccess {

  private OrderAccess() {}

  /**
   * The part of {@code filter} the caller may see: the same filter for an admin, the caller's own
   * orders for a customer; null when a customer asks for another customer's orders (nothing).
   */
  public static @Nullable OrderFilter restrict(OrderFilter filter, Caller caller) {
    if (caller.admin()) {
      return filter;
    }
    Long own = caller.customerId();
    Long asked = filter.customerId();
    if (own == null || (asked != null && !asked.equals(own))) {
      return null;
    }
    return new OrderFilter(own, filter.status());
  }

  /** Throws the order's 404 unless the caller may see orders of {@code customerId}. */
  public static void requireVisible(long orderId, long customerId, Caller caller) {
    if (!caller.mayActFor(customerId)) {
      throw new NotFoundException("order", orderId);
    }
  }

  /** A customer places orders for itself only (no ids taken on trust from the body). */
  static void requireMayPlaceFor(long customerId, Caller caller) {
    if (!caller.mayActFor(customerId)) {
      throw new DomainException(Kind.FORBIDDEN, "NOT_YOUR_CUSTOMER",
          "Your token may place orders only for its own customer id.",
          List.of(new FieldProblem("customerId", "not the caller's customer id")));
    }
  }
}
