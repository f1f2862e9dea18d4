package dev.fieldguide.orders.graphql;

import dev.fieldguide.orders.errors.DomainException;
import dev.fieldguide.orders.errors.DomainException.Kind;
import dev.fieldguide.orders.orders.OrderAccess;
import dev.fieldguide.orders.orders.OrderFilter;
import dev.fieldguide.orders.orders.OrderCursors;
import dev.fieldguide.orders.orders.OrderRow;
import dev.fieldguide.orders.orders.OrderRows;
import dev.fieldguide.orders.orders.OrderStatus;
import dev.fieldguide.orders.security.Caller;
import dev.fieldguide.orders.errors.NotFoundException;
import dev.fieldguide.orders.web.AsciiDecimalNumbers;
import dev.fieldguide.orders.web.PageResponse;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * The root fields {@code orders} and {@code order}: they read the orders and nothing else (one
 * statement), leaving customers and lines to {@link OrderBatchMappings}, which load them once per
 * level for the whole page.
 *
 * <p>Every read goes through {@link #ordersVisibleToCaller} or {@link #orderVisibleToCaller},
 * which apply the same object-level rules as REST ({@link OrderAccess}): a customer sees its own
 * orders, someone else's order is null with NOT_FOUND.
 */
@Controller
class OrderGraphQlController {

  /** The cursor scope: a GraphQL cursor is refused by the REST lists, and the other way round. */
  static final String LIST = "graphql-orders";
  static final int DEFAULT_PAGE = 20;
  static final int MAX_PAGE = 100;

  private final OrderRows rows;
  private final OrderCursors pages;

  OrderGraphQlController(OrderRows rows, OrderCursors pages) {
    this.rows = rows;
    this.pages = pages;
  }

  @QueryMapping
  PageResponse<OrderRow> orders(@Argument @Nullable String customerId,
      @Argument @Nullable OrderStatus status, @Argument @Nullable Integer first,
      @Argument @Nullable String after) {
    // An explicit null means "the default", as an omitted argument does.
    int size = first == null ? DEFAULT_PAGE : first;
    if (size < 1 || size > MAX_PAGE) {
      throw new DomainException(Kind.INVALID, "INVALID_PARAMETER",
          "Argument 'first' must be between 1 and %d.".formatted(MAX_PAGE));
    }
    var filter = new OrderFilter(customerId == null ? null : id("customerId", customerId), status);
    return ordersVisibleToCaller(filter, size, after);
  }

  /** Null with a NOT_FOUND error when there is no such order (the field is nullable). */
  @QueryMapping
  OrderRow order(@Argument String id) {
    return orderVisibleToCaller(id("id", id));
  }

  /** Every order list read passes here: a customer's filter is narrowed to its own orders. */
  private PageResponse<OrderRow> ordersVisibleToCaller(OrderFilter asked, int first,
      @Nullable String after) {
    OrderFilter filter = OrderAccess.restrict(asked, Caller.current());
    if (filter == null) {
      return PageResponse.empty();
    }
    return pages.page(LIST, filter, after, position -> rows.page(filter, first, position),
        Function.identity());
  }

  /**
   * Every single-order read passes here. Someone else's order looks exactly like a missing one:
   * null and NOT_FOUND, never FORBIDDEN.
   */
  private OrderRow orderVisibleToCaller(long id) {
    OrderRow order = rows.find(id).orElseThrow(() -> new NotFoundException("order", id));
    OrderAccess.requireVisible(id, order.customerId(), Caller.current());
    return order;
  }

  /** GraphQL ids are strings on the wire; ours are positive numbers in ASCII decimal digits. */
  private static long id(String argument, String value) {
    try {
      long id = AsciiDecimalNumbers.parseLong(value);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // answered below, the same as a non-positive number
    }
    throw new DomainException(Kind.INVALID, "INVALID_PARAMETER",
        "Argument '%s' must be a positive integer id.".formatted(argument));
  }
}
