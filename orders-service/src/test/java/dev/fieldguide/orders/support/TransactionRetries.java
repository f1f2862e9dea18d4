package dev.fieldguide.orders.support;

import dev.fieldguide.orders.db.TransactionRetry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** PG4: how many lost races {@link TransactionRetry} has retried so far, per SQLState. */
public final class TransactionRetries {

  private TransactionRetries() {}

  /** The retry counter for {@code sqlState} ({@code 40P01}, {@code 40001}); 0 before the first. */
  public static double of(MeterRegistry meters, String sqlState) {
    Counter counter = meters.find(TransactionRetry.RETRIES).tag("sqlstate", sqlState).counter();
    return counter == null ? 0 : counter.count();
  }
}
