package dev.fieldguide.orders.orders;

import dev.fieldguide.orders.web.KeysetCursors;
import dev.fieldguide.orders.web.PageResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Version 1 of the order resource. */
@RestController
@RequestMapping("/api/v1/orders")
class OrderController {

  private final OrderQueries queries;
  private final OrderListing listing;
  private final KeysetCursors cursors;

  OrderController(OrderQueries queries, OrderListing listing, KeysetCursors cursors) {
    this.queries = queries;
    this.listing = listing;
    this.cursors = cursors;
  }

  @GetMapping
  PageResponse<OrderResponse> list(@RequestParam(required = false) @Nullable Long customerId,
      @RequestParam(required = false) @Nullable OrderStatus status,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
      @RequestParam(required = false) @Nullable String cursor) {
    OrderFilter filter = new OrderFilter(customerId, status);
    OrderPosition after = cursor == null
        ? null
        : OrderPosition
            .fromKeys(cursors.decode(cursor, OrderPosition.SCOPE, filter.canonical(), 2));
    var slice = listing.list(filter, limit, after);
    OrderPosition next = slice.next();
    return new PageResponse<>(slice.items(), next == null
        ? null
        : cursors.encode(OrderPosition.SCOPE, filter.canonical(), next.keys()));
  }

  @GetMapping("/{id}")
  OrderResponse order(@PathVariable long id) {
    return queries.order(id);
  }
}
