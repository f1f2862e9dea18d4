package dev.fieldguide.orders.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Issue 18: a date or instant the API takes lies within a sane distance of now, chosen per field:
 * at most {@link #before} days before and {@link #after} days after. Years 300000 or -6000000
 * parse as valid ISO-8601, but PostgreSQL's timestamps end in year 294276 and its dates begin in
 * 4713 BC (a 500 when reached), and nothing of ours means such a year. {@code null} is valid
 * (pair with {@code @NotNull}).
 * Supports {@code Instant}, {@code OffsetDateTime} and {@code LocalDate} (against today in UTC).
 */
@Documented
@Constraint(validatedBy = WithinDaysOfNowValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface WithinDaysOfNow {

  /** How many days before now the value may lie. */
  long before();

  /** How many days after now the value may lie. */
  long after();

  String message() default "must be between {before} days before and {after} days after now";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
