package dev.fieldguide.orders.transactions;

import dev.fieldguide.orders.orders.Order;
import dev.fieldguide.orders.orders.OrderStatus;
import jakarta.persistence.EntityManager;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The beans {@link TransactionalSemanticsIntegrationTests} calls: plain Spring beans whose
 * {@code @Transactional} methods write a marker row to {@value #TABLE}, so a test reads from the
 * database what committed. Registered only by that test's {@code @Import} (a {@code
 * TestConfiguration} is not component-scanned), so no other test's context sees them.
 */
@TestConfiguration(proxyBeanMethods = false)
class TransactionalBeans {

  static final String TABLE = "test_transactional_writes";

  @Bean
  SelfCalls selfCalls(JdbcClient jdbc, ObjectProvider<SelfCalls> self) {
    return new SelfCalls(jdbc, self);
  }

  @Bean
  Writes writes(JdbcClient jdbc, EntityManager entityManager) {
    return new Writes(jdbc, entityManager);
  }

  @Bean
  OuterWork outerWork(JdbcClient jdbc, Writes writes) {
    return new OuterWork(jdbc, writes);
  }

  static void insert(JdbcClient jdbc, String marker) {
    jdbc.sql("INSERT INTO " + TABLE + " (marker) VALUES (?)").param(marker).update();
  }

  /** Whether a transaction is open on this thread, and its name, seen from inside a method. */
  record TransactionSeen(boolean active, @Nullable String name) {
    static TransactionSeen now() {
      return new TransactionSeen(TransactionSynchronizationManager.isActualTransactionActive(),
          TransactionSynchronizationManager.getCurrentTransactionName());
    }
  }

  /** What a method that paid an order saw inside its transaction. */
  record PaySeen(OrderStatus statusInMemory, FlushMode flushMode, boolean entityReadOnly,
      String transactionReadOnly) {}

  /** The checked exception of the rollback rules. */
  static final class CheckedFailure extends Exception {
    CheckedFailure() {
      super("checked failure after the insert");
    }
  }

  /** The unchecked failure that ends a unit of work after its writes. */
  static final class WorkFailed extends RuntimeException {
    WorkFailed() {
      super("the work failed after its writes");
    }
  }

  /** Calls its own transactional methods, once through {@code this} and once through its proxy. */
  static class SelfCalls {

    private final JdbcClient jdbc;
    private final ObjectProvider<SelfCalls> self;

    SelfCalls(JdbcClient jdbc, ObjectProvider<SelfCalls> self) {
      this.jdbc = jdbc;
      this.self = self;
    }

    /** Not transactional itself: the call below reaches the plain object, not the proxy. */
    public TransactionSeen callOwnNewTransactionThroughThis() {
      return inNewTransaction();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public TransactionSeen inNewTransaction() {
      return TransactionSeen.now();
    }

    @Transactional
    public void writeThenFailAuditingThroughThis(String work, String audit) {
      insert(jdbc, work);
      auditInNewTransaction(audit);
      throw new WorkFailed();
    }

    @Transactional
    public void writeThenFailAuditingThroughSelf(String work, String audit) {
      insert(jdbc, work);
      self.getObject().auditInNewTransaction(audit);
      throw new WorkFailed();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void auditInNewTransaction(String audit) {
      insert(jdbc, audit);
    }
  }

  /** Single writes under one transaction setting each. */
  static class Writes {

    private final JdbcClient jdbc;
    private final EntityManager entityManager;

    Writes(JdbcClient jdbc, EntityManager entityManager) {
      this.jdbc = jdbc;
      this.entityManager = entityManager;
    }

    @Transactional
    public void insertThenThrowChecked(String marker) throws CheckedFailure {
      insert(jdbc, marker);
      throw new CheckedFailure();
    }

    @Transactional(rollbackFor = Exception.class)
    public void insertThenThrowCheckedRollingBackForAny(String marker) throws CheckedFailure {
      insert(jdbc, marker);
      throw new CheckedFailure();
    }

    @Transactional
    public void insertThenThrowUnchecked(String marker) {
      insert(jdbc, marker);
      throw new WorkFailed();
    }

    @Transactional(readOnly = true)
    public void insertReadOnly(String marker) {
      insert(jdbc, marker);
    }

    @Transactional(readOnly = true)
    public PaySeen payReadOnly(long orderId) {
      return pay(orderId);
    }

    @Transactional
    public PaySeen payReadWrite(long orderId) {
      return pay(orderId);
    }

    @Transactional
    public void insertJoining(String marker) {
      insert(jdbc, marker);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void insertInNewTransaction(String marker) {
      insert(jdbc, marker);
    }

    /** Changes a managed entity and leaves the write to dirty checking at commit. */
    private PaySeen pay(long orderId) {
      String readOnly = jdbc.sql("SHOW transaction_read_only").query(String.class).single();
      Session session = entityManager.unwrap(Session.class);
      Order order = session.find(Order.class, orderId);
      order.pay();
      return new PaySeen(order.getStatus(), session.getHibernateFlushMode(),
          session.isReadOnly(order), readOnly);
    }
  }

  /** An outer transaction that writes, calls another bean's transactional write, and fails. */
  static class OuterWork {

    private final JdbcClient jdbc;
    private final Writes writes;

    OuterWork(JdbcClient jdbc, Writes writes) {
      this.jdbc = jdbc;
      this.writes = writes;
    }

    @Transactional
    public void writeThenFailAfterJoinedWrite(String work, String inner) {
      insert(jdbc, work);
      writes.insertJoining(inner);
      throw new WorkFailed();
    }

    @Transactional
    public void writeThenFailAfterWriteInNewTransaction(String work, String audit) {
      insert(jdbc, work);
      writes.insertInNewTransaction(audit);
      throw new WorkFailed();
    }
  }
}
