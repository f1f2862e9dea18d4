package dev.fieldguide.orders.web;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Input whose shape a validator outside Bean Validation rejected (such as a JSON Schema): answered
 * exactly like a Bean Validation failure, 400 {@code VALIDATION_FAILED} with {@code errors[]}.
 */
public class ValidationFailedException extends ErrorResponseException {

  public ValidationFailedException(List<FieldProblem> errors) {
    // Built before super(): the constructor then calls nothing a subclass could override.
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "The request has %d invalid field(s).".formatted(errors.size()));
    body.setTitle("Bad Request");
    body.setProperty(Problems.CODE, "VALIDATION_FAILED");
    body.setProperty("errors", List.copyOf(errors));
    super(HttpStatus.BAD_REQUEST, body, null);
  }
}
