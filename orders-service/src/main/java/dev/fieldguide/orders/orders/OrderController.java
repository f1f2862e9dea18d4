package dev.fieldguide.orders.orders;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Version 1 of the order resource. */
@RestController
@RequestMapping("/api/v1/orders")
class OrderController {

  private final OrderQueries queries;

  OrderController(OrderQueries queries) {
    this.queries = queries;
  }

  @GetMapping("/{id}")
  OrderResponse order(@PathVariable long id) {
    return queries.order(id);
  }
}
