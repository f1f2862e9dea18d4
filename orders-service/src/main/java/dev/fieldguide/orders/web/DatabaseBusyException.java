package dev.fieldguide.orders.web;

import dev.fieldguide.orders.errors.DomainException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;

/**
 * The answer to a request that waited the pool's whole connection timeout without getting a
 * database connection (Hikari's {@link SQLTransientConnectionException}, under whatever Spring or
 * Hibernate wrapped it in): the service is saturated, not broken, so a 503 with
 * {@code Retry-After} rather than a 500. Hikari counts these in
 * {@code hikaricp_connections_timeout_total}.
 */
final class DatabaseBusyException extends DomainException {

  private static final long serialVersionUID = 1L;

  DatabaseBusyException() {
    super(Kind.UNAVAILABLE, "DATABASE_BUSY", "Every database connection is in use; retry shortly.",
        List.of(), Duration.ofSeconds(1));
  }

  /** Whether {@code failure} is, or was caused by, a connection the pool could not hand out. */
  static boolean isCause(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException) {
        return true;
      }
    }
    return false;
  }
}
