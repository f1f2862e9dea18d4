package dev.fieldguide.orders.db;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.transaction.annotation.Transactional;

/**
 * D7: a read-only transaction that may run on the replica, so may see data as old as the
 * replication lag. Declared on reads that tolerate that (lists, reports); everything else, a
 * plain {@code @Transactional(readOnly = true)} included, runs on the primary.
 *
 * <p>It names {@link ReplicaReadTransactionManager}, which begins the transaction through the
 * ordinary one under a name that {@link ReplicaReadRouter} recognises. Called inside a transaction
 * that is already running, it joins that one and reads where that one reads.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Transactional(transactionManager = ReplicaRead.TRANSACTION_MANAGER, readOnly = true)
public @interface ReplicaRead {

  /** The bean name of the transaction manager that begins replica reads. */
  String TRANSACTION_MANAGER = "replicaReadTransactionManager";
}
