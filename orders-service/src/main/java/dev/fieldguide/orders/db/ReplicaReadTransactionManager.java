package dev.fieldguide.orders.db;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DelegatingTransactionDefinition;

/**
 * Begins {@link ReplicaRead} transactions: read-only, named with {@link #NAME_PREFIX}, through
 * the service's one transaction manager, so they share its entity manager, synchronisation and
 * joining rules; only the routing tells them apart.
 *
 * <p>The name, not a thread-local of our own, carries the intent because Spring already scopes it
 * to the transaction: a transaction that joins an outer one keeps the outer one's name, and a
 * suspended one gets its name back on resume.
 */
final class ReplicaReadTransactionManager implements PlatformTransactionManager {

  static final String NAME_PREFIX = "replica-read:";

  private final PlatformTransactionManager transactions;

  ReplicaReadTransactionManager(PlatformTransactionManager transactions) {
    this.transactions = transactions;
  }

  @Override
  public TransactionStatus getTransaction(@Nullable TransactionDefinition definition) {
    TransactionDefinition declared = definition == null
        ? TransactionDefinition.withDefaults()
        : definition;
    return transactions.getTransaction(new DelegatingTransactionDefinition(declared) {
      @Override
      public boolean isReadOnly() {
        return true;
      }

      @Override
      public String getName() {
        String name = super.getName();
        return NAME_PREFIX + (name == null ? "" : name);
      }
    });
  }

  @Override
  public void commit(TransactionStatus status) {
    transactions.commit(status);
  }

  @Override
  public void rollback(TransactionStatus status) {
    transactions.rollback(status);
  }
}
