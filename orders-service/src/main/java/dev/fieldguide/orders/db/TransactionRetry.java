package dev.fieldguide.orders.db;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PG4: runs work in its own transaction and runs it again when PostgreSQL aborted it only because
 * of concurrency — a deadlock ({@code 40P01}) or a serialization failure ({@code 40001}). Both
 * mean "nothing was wrong with this transaction, it lost a race; retry it". Attempts are bounded
 * and spaced with jitter so the losers do not collide again in lockstep.
 */
@Component
class TransactionRetry {

  private static final Logger log = LoggerFactory.getLogger(TransactionRetry.class);
  private static final Set<String> RETRYABLE = Set.of("40P01", "40001");
  private static final int MAX_ATTEMPTS = 5;
  private static final Duration BASE_DELAY = Duration.ofMillis(20);

  private final PlatformTransactionManager transactions;

  TransactionRetry(PlatformTransactionManager transactions) {
    this.transactions = transactions;
  }

  /** Runs {@code work} in a new transaction at {@code isolation}, retrying lost races. */
  public <T> T run(Isolation isolation, Supplier<T> work) {
    var template = new TransactionTemplate(transactions);
    template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    template.setIsolationLevel(isolation.value());
    for (int attempt = 1;; attempt++) {
      try {
        return template.execute(tx -> work.get());
      } catch (RuntimeException e) {
        String state = sqlState(e);
        if (state == null || !RETRYABLE.contains(state) || attempt == MAX_ATTEMPTS) {
          throw e;
        }
        log.info("Transaction lost a race ({}), attempt {} of {}", state, attempt, MAX_ATTEMPTS);
        long ceiling = BASE_DELAY.toNanos() << (attempt - 1);
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
      }
    }
  }

  /** The SQLState of the first {@link SQLException} in the cause chain, if any. */
  static @Nullable String sqlState(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
    }
    return null;
  }
}
