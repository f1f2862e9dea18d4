package dev.fieldguide.orders.web;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import org.jspecify.annotations.Nullable;

/** Checks {@link WithinDaysOfNow} against Bean Validation's clock, so tests can move "now". */
final class WithinDaysOfNowValidator implements ConstraintValidator<WithinDaysOfNow, Temporal> {

  private long before;
  private long after;

  @Override
  public void initialize(WithinDaysOfNow bounds) {
    this.before = bounds.before();
    this.after = bounds.after();
  }

  @Override
  public boolean isValid(@Nullable Temporal value, ConstraintValidatorContext context) {
    if (value == null) {
      return true;
    }
    Clock clock = context.getClockProvider().getClock();
    if (value instanceof LocalDate date) {
      LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
      return !date.isBefore(today.minusDays(before)) && !date.isAfter(today.plusDays(after));
    }
    Instant at = Instant.from(value);
    Instant now = clock.instant();
    return !at.isBefore(now.minus(Duration.ofDays(before)))
        && !at.isAfter(now.plus(Duration.ofDays(after)));
  }
}
