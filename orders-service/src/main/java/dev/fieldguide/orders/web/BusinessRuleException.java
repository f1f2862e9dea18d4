package dev.fieldguide.orders.web;

import java.util.List;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponseException;

/**
 * A request that is well-formed but breaks a business rule (an unknown referenced resource, not
 * enough stock): answered with the given status and code, and the offending fields in
 * {@code errors[]}.
 */
public class BusinessRuleException extends ErrorResponseException {

  public BusinessRuleException(HttpStatusCode status, String code, String detail,
      List<FieldProblem> errors) {
    super(status);
    getBody().setDetail(detail);
    getBody().setProperty(Problems.CODE, code);
    getBody().setProperty("errors", List.copyOf(errors));
  }
}
