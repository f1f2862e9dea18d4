package dev.fieldguide.orders.orders;

import dev.fieldguide.orders.security.Caller;
import dev.fieldguide.orders.errors.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read side of orders: short read-only transactions that map entities to responses inside. */
@Service
class OrderQueries {

  private final OrderRepository orders;

  OrderQueries(OrderRepository orders) {
    this.orders = orders;
  }

  /**
   * The order, if it exists and the caller may see it; otherwise the same 404 either way.
   *
   * <p>On the primary, not a {@code @ReplicaRead}: a client follows the {@code Location} of the
   * order it just placed to here, and a lagging replica would answer 404 (read-your-writes).
   */
  @Transactional(readOnly = true)
  OrderResponse order(long id, Caller caller) {
    Order order = orders.findWithDetailsById(id)
        .orElseThrow(() -> new NotFoundException("order", id));
    OrderAccess.requireVisible(id, order.getCustomer().getId(), caller);
    return OrderResponse.of(order, order.getLines());
  }
}
