package dev.fieldguide.orders.orders;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.http.HttpStatus;
import dev.fieldguide.orders.security.Caller;
import dev.fieldguide.orders.web.PageResponse;
import dev.fieldguide.orders.web.RequestCorrelation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Version 1 of the order resource: money as integer cents. Deprecated in favour of
 * {@link OrderV2Controller}; the deprecation headers come from {@code web.DeprecationHeaders}
 * ({@code fieldguide.api.deprecations}).
 */
@RestController
@RequestMapping("/api/v1/orders")
class OrderController {

  static final String LIST = "orders";
  private static final String SUMMARIES = "order-summaries";

  private final OrderQueries queries;
  private final OrderListing listing;
  private final OrderCursors pages;
  private final OrderListRollout rollout;
  private final OrderPlacement placement;

  OrderController(OrderQueries queries, OrderListing listing, OrderCursors pages,
      OrderListRollout rollout, OrderPlacement placement) {
    this.placement = placement;
    this.queries = queries;
    this.listing = listing;
    this.pages = pages;
    this.rollout = rollout;
  }

  @GetMapping
  @Operation(summary = "List orders, a page at a time (money in cents)")
  PageResponse<OrderResponse> list(@RequestParam(required = false) @Nullable Long customerId,
      @RequestParam(required = false) @Nullable OrderStatus status,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
      @RequestParam(required = false) @Nullable String cursor, HttpServletRequest request) {
    OrderFilter filter = OrderAccess.restrict(new OrderFilter(customerId, status),
        Caller.current());
    if (filter == null) {
      return PageResponse.empty();
    }
    String requestId = RequestCorrelation.requestId(request);
    return pages.page(LIST, filter, cursor,
        after -> rollout.list(requestId, filter, limit, after), Function.identity());
  }

  /** The same list as {@code /api/v1/orders}, four columns per order. */
  @GetMapping("/summaries")
  @Operation(summary = "List order summaries, a page at a time")
  PageResponse<OrderSummary> summaries(
      @RequestParam(required = false) @Nullable Long customerId,
      @RequestParam(required = false) @Nullable OrderStatus status,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
      @RequestParam(required = false) @Nullable String cursor) {
    OrderFilter filter = OrderAccess.restrict(new OrderFilter(customerId, status),
        Caller.current());
    if (filter == null) {
      return PageResponse.empty();
    }
    return pages.page(SUMMARIES, filter, cursor, after -> listing.summaries(filter, limit, after),
        Function.identity());
  }

  @GetMapping("/{id}")
  @Operation(summary = "Read an order (money in cents)")
  OrderResponse order(@PathVariable long id) {
    return queries.order(id, Caller.current());
  }

  /** D4: 201 with {@code Location}; bad input is a 400/404/409 problem and writes nothing. */
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED) // what the document says; the ResponseEntity sets it
  @Operation(summary = "Place an order")
  ResponseEntity<OrderResponse> place(@Valid @RequestBody PlaceOrderRequest request) {
    OrderAccess.requireMayPlaceFor(Objects.requireNonNull(request.customerId()), Caller.current());
    OrderResponse order = placement.place(request);
    return ResponseEntity.created(URI.create("/api/v1/orders/" + order.id())).body(order);
  }
}
