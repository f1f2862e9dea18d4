package dev.fieldguide.orders.errors;

import java.time.Duration;

/**
 * PG4: a transaction lost its race (deadlock or serialization failure) on every attempt it was
 * given — several under {@code TransactionRetry}, one where nothing retries — so nothing of it was
 * kept. Not the client's fault and not a bug: the same request is expected to succeed a moment
 * later, hence 503 with {@code Retry-After} (ABORTED over gRPC), never a 500.
 */
public class TransactionConflict extends DomainException {

  public TransactionConflict(int attempts) {
    super(Kind.UNAVAILABLE, "TRANSACTION_CONFLICT", ("Lost a race with concurrent requests %d"
        + " time(s); nothing was changed. Retry the request.").formatted(attempts), null,
        Duration.ofSeconds(1));
  }
}
