package dev.fieldguide.orders.db;

import dev.fieldguide.orders.errors.SqlStates;
import dev.fieldguide.orders.errors.TransactionConflict;

import dev.fieldguide.orders.jobs.RetryPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PG4: runs work in a transaction and runs the whole transaction again when PostgreSQL aborted it
 * only because of concurrency — a deadlock ({@code 40P01}) or a serialization failure
 * ({@code 40001}). Both mean "nothing was wrong with this transaction, it lost a race; retry it".
 * Attempts are bounded and spaced with jitter so the losers do not collide again in lockstep;
 * every retry is counted by SQLState ({@value #RETRIES}).
 *
 * <p>Only the outermost transaction can be retried: after a lost race PostgreSQL accepts nothing
 * more in it. So the call that opens the transaction owns the retry. A call made inside a
 * transaction another {@code run} owns (the {@code Idempotency-Key} filter's, which wraps the
 * whole keyed request) joins it and hands a lost race up as {@link RetryEnclosingTransaction};
 * the owner rolls everything back and runs its work again from the start.
 */
@Component
public class TransactionRetry {

  /** Counter of retries, tagged {@code sqlstate}: each one is a race some transaction lost. */
  public static final String RETRIES = "fieldguide.db.transaction.retries";

  /** Before attempt n+1: between half and all of 20 ms x 2^(n-1); 5 attempts in all. */
  static final RetryPolicy POLICY = new RetryPolicy(5, Duration.ofMillis(20),
      Duration.ofMillis(160), 0.5);

  private static final Logger log = LoggerFactory.getLogger(TransactionRetry.class);
  /** Bound while an owning {@code run} executes its work: nested calls hand lost races to it. */
  private static final ScopedValue<TransactionRetry> OWNER = ScopedValue.newInstance();

  private final PlatformTransactionManager transactions;
  private final MeterRegistry meters;

  TransactionRetry(PlatformTransactionManager transactions, MeterRegistry meters) {
    this.transactions = transactions;
    this.meters = meters;
  }

  /**
   * Runs {@code work} in a new transaction at {@code isolation}, retrying lost races; inside an
   * open transaction, runs it there instead (see the class comment). {@link Isolation#DEFAULT} is
   * the database's own (READ COMMITTED in PostgreSQL), and Spring sets no level on the connection.
   *
   * @throws TransactionConflict when the last attempt lost its race too
   */
  public <T> T run(Isolation isolation, TransactionCallback<T> work) {
    var template = new TransactionTemplate(transactions);
    template.setIsolationLevel(isolation.value());
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      return joined(template, work);
    }
    template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    for (int attempt = 1;; attempt++) {
      try {
        return ScopedValue.where(OWNER, this).call(() -> template.execute(work));
      } catch (RuntimeException e) {
        String state = SqlStates.lostRace(e);
        if (state == null) {
          throw e;
        }
        if (attempt == POLICY.maxAttempts()) {
          log.warn("Transaction lost a race ({}) {} times; giving up", state, attempt, e);
          throw new TransactionConflict(attempt);
        }
        meters.counter(RETRIES, "sqlstate", state).increment();
        log.info("Transaction lost a race ({}), attempt {} of {}", state, attempt,
            POLICY.maxAttempts());
        LockSupport.parkNanos(POLICY.delayBefore(attempt + 1).toNanos());
      }
    }
  }

  /** The work as part of the caller's transaction; a lost race is its owner's to retry. */
  private static <T> T joined(TransactionTemplate template, TransactionCallback<T> work) {
    try {
      return template.execute(work);
    } catch (RuntimeException e) {
      if (SqlStates.lostRace(e) == null || e instanceof RetryEnclosingTransaction) {
        throw e;
      }
      if (OWNER.isBound()) {
        throw new RetryEnclosingTransaction(e);
      }
      // Opened by someone who does not retry: the client hears it, as after the last attempt.
      log.warn("Transaction lost a race inside a transaction nobody retries", e);
      throw new TransactionConflict(1);
    }
  }
}
