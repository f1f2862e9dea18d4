package dev.fieldguide.orders.web;

import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A resource the client named does not exist; answered 404 with code {@code <RESOURCE>_NOT_FOUND}. */
public class NotFoundException extends ErrorResponseException {

  public NotFoundException(String resource, Object id) {
    // Built before super(): the constructor then calls nothing a subclass could override.
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
        "No %s with id %s.".formatted(resource, id));
    body.setTitle("Not Found");
    // "job run" -> JOB_RUN_NOT_FOUND: codes are identifiers programs match on.
    body.setProperty(Problems.CODE,
        resource.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_") + "_NOT_FOUND");
    super(HttpStatus.NOT_FOUND, body, null);
  }
}
