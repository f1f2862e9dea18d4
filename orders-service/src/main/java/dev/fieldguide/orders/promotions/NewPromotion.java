package dev.fieldguide.orders.promotions;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** The body of {@code POST /admin/products/{id}/promotions}. */
record NewPromotion(@NotNull @Min(1) @Max(90) @Nullable Integer percentOff,
    @NotNull @Nullable OffsetDateTime validFrom, @NotNull @Nullable OffsetDateTime validUntil) {

  @AssertTrue(message = "validUntil must be after validFrom") boolean isEndingAfterItStarts() {
    return validFrom == null || validUntil == null || validUntil.isAfter(validFrom);
  }
}
