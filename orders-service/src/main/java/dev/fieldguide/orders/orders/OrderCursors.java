package dev.fieldguide.orders.orders;

import dev.fieldguide.orders.web.KeysetCursors;
import dev.fieldguide.orders.web.PageResponse;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Turns a cursor into an order position and a slice back into a page with the next cursor,
 * for every order list (v1, v2, summaries, GraphQL).
 */
@Component
public class OrderCursors {

  private final KeysetCursors cursors;

  OrderCursors(KeysetCursors cursors) {
    this.cursors = cursors;
  }

  /** Decodes the cursor for this list and filters, runs the query, encodes the next cursor. */
  public <T, R> PageResponse<R> page(String scope, OrderFilter filter, @Nullable String cursor,
      Function<@Nullable OrderPosition, OrderListing.Slice<T>> query, Function<T, R> toItem) {
    OrderPosition after = cursor == null
        ? null
        : OrderPosition.fromKeys(cursors.decode(cursor, scope, filter.canonical(), 2));
    OrderListing.Slice<T> slice = query.apply(after);
    OrderPosition next = slice.next();
    return new PageResponse<>(slice.items().stream().map(toItem).toList(),
        next == null ? null : cursors.encode(scope, filter.canonical(), next.keys()));
  }
}
