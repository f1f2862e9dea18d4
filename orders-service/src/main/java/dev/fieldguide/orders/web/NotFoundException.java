package dev.fieldguide.orders.web;

import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A resource the client named does not exist; answered 404 with code {@code <RESOURCE>_NOT_FOUND}. */
public class NotFoundException extends ErrorResponseException {

  public NotFoundException(String resource, Object id) {
    super(HttpStatus.NOT_FOUND);
    getBody().setTitle("Not Found");
    getBody().setDetail("No %s with id %s.".formatted(resource, id));
    // "job run" -> JOB_RUN_NOT_FOUND: codes are identifiers programs match on.
    getBody().setProperty(Problems.CODE,
        resource.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_") + "_NOT_FOUND");
  }
}
