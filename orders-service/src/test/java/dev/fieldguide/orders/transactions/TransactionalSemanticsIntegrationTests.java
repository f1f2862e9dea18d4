package dev.fieldguide.orders.transactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldguide.orders.orders.OrderStatus;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.StatementCounter;
import dev.fieldguide.orders.support.TestData;
import dev.fieldguide.orders.transactions.TransactionalBeans.CheckedFailure;
import dev.fieldguide.orders.transactions.TransactionalBeans.OuterWork;
import dev.fieldguide.orders.transactions.TransactionalBeans.PaySeen;
import dev.fieldguide.orders.transactions.TransactionalBeans.SelfCalls;
import dev.fieldguide.orders.transactions.TransactionalBeans.TransactionSeen;
import dev.fieldguide.orders.transactions.TransactionalBeans.WorkFailed;
import dev.fieldguide.orders.transactions.TransactionalBeans.Writes;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import org.hibernate.FlushMode;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * D5: the {@code @Transactional} rules an interviewer asks about, each shown on PostgreSQL by what
 * committed: a call through {@code this} skips the proxy, so no transaction starts and
 * {@code REQUIRES_NEW} is ignored; a checked exception commits unless {@code rollbackFor} says
 * otherwise, an unchecked one rolls back; {@code readOnly} makes PostgreSQL refuse writes and
 * Hibernate skip dirty checking, so a changed entity is silently not written; a {@code
 * REQUIRES_NEW} write survives the outer transaction's rollback, a {@code REQUIRED} one does not.
 *
 * <p>The beans live in {@link TransactionalBeans}, imported here only: this class gets a context
 * of its own, the one extra context the suite pays for these rules.
 */
@IntegrationTest
@Import(TransactionalBeans.class)
class TransactionalSemanticsIntegrationTests {

  @Autowired
  SelfCalls selfCalls;

  @Autowired
  Writes writes;

  @Autowired
  OuterWork outerWork;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  TestData data;

  @Autowired
  StatementCounter statements;

  @BeforeEach
  void markerTable() {
    jdbc.sql("CREATE TABLE IF NOT EXISTS " + TransactionalBeans.TABLE
        + " (marker text PRIMARY KEY)").update();
  }

  @Test
  void aTransactionalMethodCalledThroughThisRunsWithoutATransaction() {
    TransactionSeen throughThis = selfCalls.callOwnNewTransactionThroughThis();
    TransactionSeen throughProxy = selfCalls.inNewTransaction();

    assertThat(throughThis).as("the plain object's method: no advice, no transaction")
        .isEqualTo(new TransactionSeen(false, null));
    assertThat(throughProxy.active()).isTrue();
    assertThat(throughProxy.name()).endsWith("SelfCalls.inNewTransaction");
  }

  @Test
  void aRequiresNewMethodCalledThroughThisJoinsTheCallersTransactionAndRollsBackWithIt() {
    String work = marker();
    String audit = marker();
    String auditThroughSelf = marker();

    assertThatThrownBy(() -> selfCalls.writeThenFailAuditingThroughThis(work, audit))
        .isInstanceOf(WorkFailed.class);
    assertThatThrownBy(() -> selfCalls.writeThenFailAuditingThroughSelf(marker(),
        auditThroughSelf)).isInstanceOf(WorkFailed.class);

    assertThat(committed(work)).isFalse();
    assertThat(committed(audit)).as("REQUIRES_NEW through this: part of the rolled-back one")
        .isFalse();
    assertThat(committed(auditThroughSelf)).as("REQUIRES_NEW through the injected self")
        .isTrue();
  }

  @Test
  void aCheckedExceptionCommitsTheTransactionByDefault() {
    String marker = marker();

    assertThatThrownBy(() -> writes.insertThenThrowChecked(marker))
        .isInstanceOf(CheckedFailure.class);

    assertThat(committed(marker)).isTrue();
  }

  @Test
  void aCheckedExceptionRollsBackWhenRollbackForNamesIt() {
    String marker = marker();

    assertThatThrownBy(() -> writes.insertThenThrowCheckedRollingBackForAny(marker))
        .isInstanceOf(CheckedFailure.class);

    assertThat(committed(marker)).isFalse();
  }

  @Test
  void anUncheckedExceptionRollsBackTheTransaction() {
    String marker = marker();

    assertThatThrownBy(() -> writes.insertThenThrowUnchecked(marker))
        .isInstanceOf(WorkFailed.class);

    assertThat(committed(marker)).isFalse();
  }

  @Test
  void postgresqlRefusesAWriteInAReadOnlyTransaction() {
    String marker = marker();

    assertThatThrownBy(() -> writes.insertReadOnly(marker))
        .isInstanceOf(DataAccessException.class)
        .satisfies(e -> assertThat(sqlState(e)).isEqualTo("25006"))
        .hasMessageContaining("cannot execute INSERT in a read-only transaction");

    assertThat(committed(marker)).isFalse();
  }

  @Test
  void aReadOnlyTransactionSkipsDirtyCheckingSoAChangedEntityIsSilentlyNotWritten() {
    long readOnlyOrder = data.orderOf(data.customer(), data.productWithStock(100, 10));
    long readWriteOrder = data.orderOf(data.customer(), data.productWithStock(100, 10));
    statements.reset();

    PaySeen readOnly = writes.payReadOnly(readOnlyOrder);
    long updatesInReadOnly = updatesOf(readOnlyOrder);
    PaySeen readWrite = writes.payReadWrite(readWriteOrder);

    assertThat(readOnly).as("Hibernate's session and PostgreSQL's transaction, seen inside")
        .isEqualTo(new PaySeen(OrderStatus.PAID, FlushMode.MANUAL, true, "on"));
    assertThat(updatesInReadOnly).as("UPDATE orders statements for it").isZero();
    assertThat(statusOf(readOnlyOrder)).isEqualTo("NEW");

    assertThat(readWrite).isEqualTo(new PaySeen(OrderStatus.PAID, FlushMode.AUTO, false, "off"));
    assertThat(updatesOf(readWriteOrder)).as("UPDATE orders statements for it").isEqualTo(1);
    assertThat(statusOf(readWriteOrder)).isEqualTo("PAID");
  }

  @Test
  void aRequiresNewWriteCommitsEvenWhenTheOuterTransactionRollsBack() {
    String work = marker();
    String audit = marker();

    assertThatThrownBy(() -> outerWork.writeThenFailAfterWriteInNewTransaction(work, audit))
        .isInstanceOf(WorkFailed.class);

    assertThat(committed(work)).isFalse();
    assertThat(committed(audit)).isTrue();
  }

  @Test
  void aRequiredWriteRollsBackWithTheOuterTransaction() {
    String work = marker();
    String inner = marker();

    assertThatThrownBy(() -> outerWork.writeThenFailAfterJoinedWrite(work, inner))
        .isInstanceOf(WorkFailed.class);

    assertThat(committed(work)).isFalse();
    assertThat(committed(inner)).isFalse();
  }

  private static String marker() {
    return UUID.randomUUID().toString();
  }

  /** Read outside any transaction, so only what committed is there. */
  private boolean committed(String marker) {
    return jdbc.sql("SELECT count(*) FROM " + TransactionalBeans.TABLE + " WHERE marker = ?")
        .param(marker).query(Long.class).single() == 1;
  }

  private String statusOf(long orderId) {
    return jdbc.sql("SELECT status FROM orders WHERE id = ?").param(orderId).query(String.class)
        .single();
  }

  /** Statements that updated the order, whichever thread sent them. */
  private long updatesOf(long orderId) {
    return statements.executed().stream()
        .filter(s -> s.sql().toLowerCase(Locale.ROOT).startsWith("update orders")
            && s.parameters().contains(orderId))
        .count();
  }

  private static @Nullable String sqlState(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        return sql.getSQLState();
      }
    }
    return null;
  }
}
