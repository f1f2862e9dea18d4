package dev.fieldguide.orders.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.sql.SQLException;
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

/**
 * PG4's classification without a database: a deadlock (40P01) or a serialization failure (40001)
 * anywhere in the cause chain is a lost race and runs again in a new transaction, up to five
 * attempts; any other failure is the caller's at once. The transaction manager is a mock: what is
 * tested is which failures start another transaction.
 */
@ExtendWith(MockitoExtension.class)
class TransactionRetryTests {

  @Mock
  PlatformTransactionManager transactions;

  private TransactionRetry retry;

  @BeforeEach
  void newTransactionsBegin() {
    // Lenient: the cause-chain test below begins no transaction.
    lenient().when(transactions.getTransaction(any()))
        .thenAnswer(i -> new SimpleTransactionStatus());
    retry = new TransactionRetry(transactions);
  }

  @ParameterizedTest
  @ValueSource(strings = {"40001", "40P01"})
  void aLostRaceRunsAgainInANewTransaction(String sqlState) {
    var calls = new AtomicInteger();

    String result = retry.run(Isolation.SERIALIZABLE, () -> {
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

    assertThatThrownBy(() -> retry.run(Isolation.READ_COMMITTED, () -> {
      calls.incrementAndGet();
      throw failure;
    })).isSameAs(failure);
    assertThat(calls).hasValue(1);
  }

  @Test
  void aFailureWithoutAnSqlStateFailsAtOnce() {
    var calls = new AtomicInteger();

    assertThatThrownBy(() -> retry.run(Isolation.READ_COMMITTED, () -> {
      calls.incrementAndGet();
      throw new IllegalStateException("not a database problem");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(calls).hasValue(1);
  }

  @Test
  void givesUpAfterFiveAttempts() {
    var calls = new AtomicInteger();

    assertThatThrownBy(() -> retry.run(Isolation.SERIALIZABLE, () -> {
      calls.incrementAndGet();
      throw failedWith("40001");
    })).isInstanceOf(CannotAcquireLockException.class);
    assertThat(calls).hasValue(5);
  }

  @Test
  void eachAttemptIsANewTransactionAtTheIsolationAsked() {
    var definition = ArgumentCaptor.forClass(TransactionDefinition.class);

    retry.run(Isolation.REPEATABLE_READ, () -> 1);

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

    assertThat(TransactionRetry.sqlState(new RuntimeException(new RuntimeException(deadlock))))
        .isEqualTo("40P01");
    assertThat(TransactionRetry.sqlState(new RuntimeException(stateless))).isNull();
    assertThat(TransactionRetry.sqlState(new IllegalStateException())).isNull();
    stateless.initCause(new SQLException("serialization", "40001"));
    assertThat(TransactionRetry.sqlState(new RuntimeException(stateless)))
        .as("a SQLException without a state is skipped").isEqualTo("40001");
  }

  /** What Spring hands up for a PostgreSQL error: its exception with the SQLException inside. */
  private static RuntimeException failedWith(String sqlState) {
    return new CannotAcquireLockException("could not serialize",
        new SQLException("aborted", sqlState));
  }
}
