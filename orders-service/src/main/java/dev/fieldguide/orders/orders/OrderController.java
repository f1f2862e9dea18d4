package dev.fieldguide.orders.orders;

import dev.fieldguide.orders.web.KeysetCursors;
import dev.fieldguide.orders.web.PageResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.function.Function;
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

  private static final String LIST = "orders";
  private static final String SUMMARIES = "order-summaries";

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
    return page(LIST, filter, cursor, after -> listing.list(filter, limit, after));
  }

  /** The same list as {@code /api/v1/orders}, four columns per order. */
  @GetMapping("/summaries")
  PageResponse<OrderSummary> summaries(
      @RequestParam(required = false) @Nullable Long customerId,
      @RequestParam(required = false) @Nullable OrderStatus status,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
      @RequestParam(required = false) @Nullable String cursor) {
    OrderFilter filter = new OrderFilter(customerId, status);
    return page(SUMMARIES, filter, cursor, after -> listing.summaries(filter, limit, after));
  }

  @GetMapping("/{id}")
  OrderResponse order(@PathVariable long id) {
    return queries.order(id);
  }

  /** Decodes the cursor for this list and filters, runs the query, encodes the next cursor. */
  private <T> PageResponse<T> page(String scope, OrderFilter filter, @Nullable String cursor,
      Function<@Nullable OrderPosition, OrderListing.Slice<T>> query) {
    OrderPosition after = cursor == null
        ? null
        : OrderPosition.fromKeys(cursors.decode(cursor, scope, filter.canonical(), 2));
    OrderListing.Slice<T> slice = query.apply(after);
    OrderPosition next = slice.next();
    return new PageResponse<>(slice.items(),
        next == null ? null : cursors.encode(scope, filter.canonical(), next.keys()));
  }
}
