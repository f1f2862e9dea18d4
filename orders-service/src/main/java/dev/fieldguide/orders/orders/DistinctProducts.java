package dev.fieldguide.orders.orders;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** An order lists each product once; a second line for the same product is a client error. */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = DistinctProducts.Validator.class)
@interface DistinctProducts {

  String message() default "must not list a product more than once";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks the product ids of the lines for repeats (null lines are other constraints' job). */
  class Validator
      implements
        ConstraintValidator<DistinctProducts, @Nullable List<PlaceOrderRequest.@Nullable Line>> {
    @Override
    public boolean isValid(@Nullable List<PlaceOrderRequest.@Nullable Line> lines,
        ConstraintValidatorContext context) {
      if (lines == null) {
        return true;
      }
      var ids = lines.stream().filter(Objects::nonNull).map(PlaceOrderRequest.Line::productId)
          .filter(Objects::nonNull).toList();
      return new HashSet<>(ids).size() == ids.size();
    }
  }
}
