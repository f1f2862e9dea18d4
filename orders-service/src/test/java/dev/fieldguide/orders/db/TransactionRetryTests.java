package dev.fieldguide.orders.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.fieldguide.orders.errors.DomainException;
import dev.fieldguide.orders.errors.SqlStates;
import dev.fieldguide.orders.errors.TransactionConflict;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * PG4's classification without a database: a deadlock (40P01) or a serialization failure (40001)
 * anywhere in the cause chain is a lost race and runs again in a new transaction, up to five
 * attempts, each retry counted by SQLState; any other failure is the caller's at once; the last
 * loss is a {@link TransactionConflict}. The transaction manager is a mock: what is tested is which
 * failures start another transaction, and who starts it when transactions are nested.
 */
@ExtendWith(MockitoExtension.class)
class TransactionRetryTests {

  @Mock
  PlatformTransactionManager transactions;

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private TransactionRetry retry;

  @BeforeEach
  void newTransactionsBegin() {
    // Lenient: the cause-chain test below begins no transaction.
    lenient().when(transactions.getTransaction(any()))
        .thenAnswer(i -> new SimpleTransactionStatus());
    retry = new TransactionRetry(transactions, meters);
  }

  @ParameterizedTest
  @ValueSource(strings = {"40001", "40P01"})
  void aLostRaceRunsAgainInANewTransaction(String sqlState) {
    var calls = new AtomicInteger();

    String result = retry.run(Isolation.SERIALIZABLE, tx -> {
      if (calls.incrementAndGet() < 3) {
        throw failedWith(sqlState);
      }
      return "committed";
    });

    assertThat(result).isEqualTo("committed");
    assertThat(calls).hasValue(3);
    verify(transactions, times(3)).getTransaction(any());
    verify(transactions, times(2)).rollback(any());
    verify(transactions).commit(any());
  }

  @ParameterizedTest
  @ValueSource(strings = {"23505", "23503", "40000", "57014", "08006"})
  void anyOtherSqlStateFailsAtOnce(String sqlState) {
    var calls = new AtomicInteger();
    RuntimeException failure = failedWith(sqlState);

    assertThatThrownBy(() -> retry.run(Isolation.READ_COMMITTED, tx -> {
      calls.incrementAndGet();
      throw failure;
    })).isSameAs(failure);
    assertThat(calls).hasValue(1);
  }

  @Test
  void aFailureWithoutAnSqlStateFailsAtOnce() {
    var calls = new AtomicInteger();

    assertThatThrownBy(() -> retry.run(Isolation.READ_COMMITTED, tx -> {
      calls.incrementAndGet();
      throw new IllegalStateException("not a database problem");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(calls).hasValue(1);
  }

  @Test
  void givesUpAfterFiveAttemptsWithAConflictTheClientMayRetry() {
    var calls = new AtomicInteger();

    assertThatThrownBy(() -> retry.run(Isolation.SERIALIZABLE, tx -> {
      calls.incrementAndGet();
      throw failedWith("40001");
    })).isInstanceOfSatisfying(TransactionConflict.class, conflict -> {
      assertThat(conflict.kind()).isEqualTo(DomainException.Kind.UNAVAILABLE);
      assertThat(conflict.code()).isEqualTo("TRANSACTION_CONFLICT");
      assertThat(conflict.retryAfter()).isEqualTo(Duration.ofSeconds(1));
    });
    assertThat(calls).hasValue(5);
    assertThat(retries("40001")).as("the last loss is not followed by a retry").isEqualTo(4);
  }

  @Test
  void everyRetryIsCountedBySqlState() {
    var calls = new AtomicInteger();

    retry.run(Isolation.SERIALIZABLE, tx -> {
      int call = calls.incrementAndGet();
      if (call < 4) {
        throw failedWith(call == 1 ? "40P01" : "40001");
      }
      return call;
    });

    assertThat(retries("40P01")).isEqualTo(1);
    assertThat(retries("40001")).isEqualTo(2);
  }

  /**
   * Inside an open transaction the work joins it: the one PostgreSQL aborted cannot be retried
   * from inside, so the lost race goes up to the owning {@code run}, which runs its whole work
   * again. (The mock opens no real transaction; the test marks one as open the way a transaction
   * manager does.)
   */
  @Test
  void aLostRaceInsideAnOwnedTransactionIsRetriedByTheOwnerAsAWhole() {
    var outer = new AtomicInteger();
    var inner = new AtomicInteger();

    String result = retry.run(Isolation.READ_COMMITTED, tx -> {
      outer.incrementAndGet();
      return inTransaction(() -> retry.run(Isolation.READ_COMMITTED, joined -> {
        if (inner.incrementAndGet() == 1) {
          throw failedWith("40P01");
        }
        return "committed";
      }));
    });

    assertThat(result).isEqualTo("committed");
    assertThat(outer).as("the owner's work ran twice").hasValue(2);
    assertThat(inner).hasValue(2);
    assertThat(retries("40P01")).as("counted once, by the owner").isEqualTo(1);
  }

  @Test
  void aLostRaceInsideATransactionNobodyRetriesIsAConflictAtOnce() {
    var calls = new AtomicInteger();

    assertThatThrownBy(() -> inTransaction(() -> retry.run(Isolation.READ_COMMITTED, tx -> {
      calls.incrementAndGet();
      throw failedWith("40P01");
    }))).isInstanceOf(TransactionConflict.class);
    assertThat(calls).hasValue(1);
  }

  @Test
  void anyOtherFailureInsideAnOwnedTransactionPassesUpAsItIs() {
    RuntimeException failure = failedWith("23505");

    assertThatThrownBy(() -> retry.run(Isolation.READ_COMMITTED, tx -> inTransaction(
        () -> retry.run(Isolation.READ_COMMITTED, joined -> {
          throw failure;
        })))).isSameAs(failure);
    assertThat(meters.getMeters()).isEmpty();
  }

  @Test
  void eachAttemptIsANewTransactionAtTheIsolationAsked() {
    var definition = ArgumentCaptor.forClass(TransactionDefinition.class);

    retry.run(Isolation.REPEATABLE_READ, tx -> 1);

    verify(transactions).getTransaction(definition.capture());
    assertThat(definition.getValue().getPropagationBehavior())
        .isEqualTo(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    assertThat(definition.getValue().getIsolationLevel())
        .isEqualTo(TransactionDefinition.ISOLATION_REPEATABLE_READ);
  }

  @Test
  void theSqlStateIsTheFirstOneInTheCauseChain() {
    var deadlock = new SQLException("deadlock detected", "40P01");
    var stateless = new SQLException("no state");

    assertThat(SqlStates.of(new RuntimeException(new RuntimeException(deadlock))))
        .isEqualTo("40P01");
    assertThat(SqlStates.of(new RuntimeException(stateless))).isNull();
    assertThat(SqlStates.of(new IllegalStateException())).isNull();
    stateless.initCause(new SQLException("serialization", "40001"));
    assertThat(SqlStates.of(new RuntimeException(stateless)))
        .as("a SQLException without a state is skipped").isEqualTo("40001");
  }

  private double retries(String sqlState) {
    var counter = meters.find(TransactionRetry.RETRIES).tag("sqlstate", sqlState).counter();
    return counter == null ? 0 : counter.count();
  }

  /** Runs {@code work} as if a transaction manager had a transaction open on this thread. */
  private static <T> T inTransaction(Supplier<T> work) {
    TransactionSynchronizationManager.setActualTransactionActive(true);
    try {
      return work.get();
    } finally {
      TransactionSynchronizationManager.setActualTransactionActive(false);
    }
  }

  /** What Spring hands up for a PostgreSQL error: its exception with the SQLException inside. */
  private static RuntimeException failedWith(String sqlState) {
    return new CannotAcquireLockException("could not serialize",
        new SQLException("aborted", sqlState));
  }
}
