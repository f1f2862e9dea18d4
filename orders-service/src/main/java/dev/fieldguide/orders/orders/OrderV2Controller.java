package dev.fieldguide.orders.orders;

import io.swagger.v3.oas.annotations.Operation;
import dev.fieldguide.orders.security.Caller;
import dev.fieldguide.orders.web.PageResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Currency;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Version 2 of the order resource, served beside v1: same queries, same cursors (a client can
 * switch versions mid-walk), money as {@code {amount, currency}}.
 */
@RestController
@RequestMapping("/api/v2/orders")
class OrderV2Controller {

  private final OrderQueries queries;
  private final OrderListing listing;
  private final OrderCursors pages;
  private final Currency currency;

  OrderV2Controller(OrderQueries queries, OrderListing listing, OrderCursors pages,
      @Value("${fieldguide.currency:EUR}") Currency currency) {
    this.queries = queries;
    this.listing = listing;
    this.pages = pages;
    this.currency = currency;
  }

  @GetMapping
  @Operation(summary = "List orders, a page at a time")
  PageResponse<OrderV2Response> list(@RequestParam(required = false) @Nullable Long customerId,
      @RequestParam(required = false) @Nullable OrderStatus status,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
      @RequestParam(required = false) @Nullable String cursor) {
    OrderFilter filter = OrderAccess.restrict(new OrderFilter(customerId, status),
        Caller.current());
    if (filter == null) {
      return PageResponse.empty();
    }
    return pages.page(OrderController.LIST, filter, cursor,
        after -> listing.list(filter, limit, after), v1 -> OrderV2Response.from(v1, currency));
  }

  @GetMapping("/{id}")
  @Operation(summary = "Read an order")
  OrderV2Response order(@PathVariable long id) {
    return OrderV2Response.from(queries.order(id, Caller.current()), currency);
  }
}
