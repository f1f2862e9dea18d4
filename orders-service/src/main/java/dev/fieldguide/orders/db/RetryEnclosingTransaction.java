package dev.fieldguide.orders.db;

/**
 * PG4: work that joined a transaction owned by an outer {@link TransactionRetry#run} lost a race;
 * the owner rolls its transaction back and runs it again. Not an answer for a client: on its way
 * up it must pass Spring MVC's exception handling untouched ({@link EnclosingRetryPassThrough}).
 */
public class RetryEnclosingTransaction extends RuntimeException {

  RetryEnclosingTransaction(RuntimeException lostRace) {
    // No stack trace of its own: the lost race it carries has the one that matters.
    super("lost a race inside a transaction its owner retries", lostRace, false, false);
  }
}
