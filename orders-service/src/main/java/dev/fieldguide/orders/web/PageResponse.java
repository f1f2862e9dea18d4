package dev.fieldguide.orders.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list endpoint: the items and the opaque cursor of the next page ({@code null} on
 * the last page; always present, so clients need not guess).
 */
public record PageResponse<T>(List<T> items,
    @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String nextCursor) {

  /** No items and no next page. */
  public static <T> PageResponse<T> empty() {
    return new PageResponse<>(List.of(), null);
  }
}
