package dev.fieldguide.orders.errors;

import java.util.Locale;

/** A resource the client named does not exist; its code is {@code <RESOURCE>_NOT_FOUND}. */
public class NotFoundException extends DomainException {

  public NotFoundException(String resource, Object id) {
    // "job run" -> JOB_RUN_NOT_FOUND: codes are identifiers programs match on.
    super(Kind.NOT_FOUND,
        resource.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_") + "_NOT_FOUND",
        "No %s with id %s.".formatted(resource, id));
  }
}
