package dev.fieldguide.orders.web;

import java.util.List;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request that is well-formed but breaks a business rule (an unknown referenced resource, not
 * enough stock): answered with the given status and code, and the offending fields in
 * {@code errors[]}.
 */
public class BusinessRuleException extends ErrorResponseException {

  public BusinessRuleException(HttpStatusCode status, String code, String detail,
      List<FieldProblem> errors) {
    // Built before super(): the constructor then calls nothing a subclass could override.
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setProperty(Problems.CODE, code);
    body.setProperty("errors", List.copyOf(errors));
    super(status, body, null);
  }
}
