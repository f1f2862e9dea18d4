package dev.fieldguide.orders.locking;

import dev.fieldguide.orders.errors.DomainException;
import java.util.List;

/**
 * A write carried a fencing token no newer than one that already wrote to the resource: its lock
 * lease ran out and another holder has taken over. Nothing of the write is kept.
 */
public class StaleFencingTokenException extends DomainException {

  private final String resource;
  private final long token;

  StaleFencingTokenException(String resource, long token) {
    super(Kind.CONFLICT, "STALE_FENCING_TOKEN", "The lock on %s was lost: token %d is stale."
        .formatted(resource, token), List.of());
    this.resource = resource;
    this.token = token;
  }

  public String resource() {
    return resource;
  }

  public long token() {
    return token;
  }
}
