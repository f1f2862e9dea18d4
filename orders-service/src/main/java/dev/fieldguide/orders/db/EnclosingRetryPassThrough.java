package dev.fieldguide.orders.db;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Lets {@link RetryEnclosingTransaction} leave a controller as an exception instead of becoming a
 * 500 answer, so it reaches the {@link TransactionRetry} that owns the transaction (the
 * {@code Idempotency-Key} filter's) with nothing written to the response. Rethrowing the very
 * exception a handler was given is how Spring MVC lets an exception pass unhandled; ordered first,
 * ahead of the catch-all handler.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class EnclosingRetryPassThrough {

  @ExceptionHandler(RetryEnclosingTransaction.class)
  void passToTheOwner(RetryEnclosingTransaction lostRace) {
    throw lostRace;
  }
}
