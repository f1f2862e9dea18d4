package dev.fieldguide.orders.errors;

import java.util.List;

/**
 * Input whose shape a validator outside Bean Validation rejected (such as a JSON Schema): answered
 * exactly like a Bean Validation failure, {@code VALIDATION_FAILED} with {@code errors[]}.
 */
public class ValidationFailedException extends DomainException {

  public ValidationFailedException(List<FieldProblem> errors) {
    super(Kind.INVALID, "VALIDATION_FAILED",
        "The request has %d invalid field(s).".formatted(errors.size()), errors);
  }
}
