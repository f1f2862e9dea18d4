package dev.fieldguide.orders.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A resource the client named does not exist; answered 404 with code {@code <RESOURCE>_NOT_FOUND}. */
public class NotFoundException extends ErrorResponseException {

  public NotFoundException(String resource, Object id) {
    super(HttpStatus.NOT_FOUND);
    getBody().setTitle("Not Found");
    getBody().setDetail("No %s with id %s.".formatted(resource, id));
    getBody().setProperty(Problems.CODE,
        resource.toUpperCase(java.util.Locale.ROOT) + "_NOT_FOUND");
  }
}
