package dev.fieldguide.orders.orders;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * D4: the body of {@code POST /api/v1/orders}. The shape rules live here as constraints (checked
 * before any database work); rules that need the database live in {@link OrderPlacement}.
 */
record PlaceOrderRequest(@NotNull @Positive @Nullable Long customerId,
    @NotEmpty @Size(max = 50) @DistinctProducts @Nullable List<@NotNull @Valid Line> lines) {

  /** One product and how many of it. */
  public record Line(@NotNull @Positive @Nullable Long productId,
      @NotNull @Positive @Max(1000) @Nullable Integer quantity) {}

  /** A line after validation: nothing is missing any more. */
  record Item(long productId, int quantity) {}

  /** The lines as items; call only on a validated request. */
  List<Item> items() {
    return Objects.requireNonNull(lines).stream().map(Objects::requireNonNull)
        .map(line -> new Item(Objects.requireNonNull(line.productId()),
            Objects.requireNonNull(line.quantity())))
        .toList();
  }
}
