package dev.fieldguide.orders.orders;

import dev.fieldguide.orders.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read side of orders: short read-only transactions that map entities to responses inside. */
@Service
class OrderQueries {

  private final OrderRepository orders;

  OrderQueries(OrderRepository orders) {
    this.orders = orders;
  }

  @Transactional(readOnly = true)
  OrderResponse order(long id) {
    return orders.findWithDetailsById(id)
        .map(order -> OrderResponse.of(order, order.getLines()))
        .orElseThrow(() -> new NotFoundException("order", id));
  }
}
