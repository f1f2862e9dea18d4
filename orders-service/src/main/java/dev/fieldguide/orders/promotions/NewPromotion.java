package dev.fieldguide.orders.promotions;

import dev.fieldguide.orders.web.WithinDaysOfNow;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /admin/products/{id}/promotions}. A period starts at most a year back
 * and ends at most ten years ahead.
 */
record NewPromotion(@NotNull @Min(1) @Max(90) @Nullable Integer percentOff,
    @NotNull @WithinDaysOfNow(before = DAYS_BACK, after = DAYS_AHEAD) @Nullable OffsetDateTime validFrom,
    @NotNull @WithinDaysOfNow(before = DAYS_BACK, after = DAYS_AHEAD) @Nullable OffsetDateTime validUntil) {

  static final long DAYS_BACK = 366;
  static final long DAYS_AHEAD = 3_660;

  @AssertTrue(message = "validUntil must be after validFrom") boolean isEndingAfterItStarts() {
    return validFrom == null || validUntil == null || validUntil.isAfter(validFrom);
  }
}
