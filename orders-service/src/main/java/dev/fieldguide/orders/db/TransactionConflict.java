package dev.fieldguide.orders.db;

import dev.fieldguide.orders.errors.DomainException;
import java.time.Duration;

/**
 * PG4: every attempt of a transaction lost its race (deadlock or serialization failure), so
 * nothing of it was kept. Not the client's fault and not a bug: the same request is expected to
 * succeed a moment later, hence 503 with {@code Retry-After} (ABORTED over gRPC).
 */
public class TransactionConflict extends DomainException {

  TransactionConflict(int attempts) {
    super(Kind.UNAVAILABLE, "TRANSACTION_CONFLICT", ("Lost a race with concurrent requests %d"
        + " time(s); nothing was changed. Retry the request.").formatted(attempts), null,
        Duration.ofSeconds(1));
  }
}
