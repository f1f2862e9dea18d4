package dev.fieldguide.orders.db;

import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Picks the pool for a physical connection: the replica's for a {@link ReplicaRead} transaction,
 * the primary's for everything else (read-write, plain read-only, no transaction).
 *
 * <p>It is asked only when {@code LazyConnectionDataSourceProxy} fetches the connection, at the
 * transaction's first statement: by then the transaction manager has published the transaction's
 * name and read-only flag.
 */
final class ReplicaReadRouter extends AbstractRoutingDataSource {

  private static final String PRIMARY = "primary";

  ReplicaReadRouter(DataSource primary, DataSource replica) {
    setTargetDataSources(Map.of(PRIMARY, primary, ReadReplicaRouting.REPLICA, replica));
    setDefaultTargetDataSource(primary);
    setLenientFallback(false);
    afterPropertiesSet();
  }

  @Override
  protected Object determineCurrentLookupKey() {
    String name = TransactionSynchronizationManager.getCurrentTransactionName();
    boolean replicaRead = TransactionSynchronizationManager.isCurrentTransactionReadOnly()
        && name != null && name.startsWith(ReplicaReadTransactionManager.NAME_PREFIX);
    return replicaRead ? ReadReplicaRouting.REPLICA : PRIMARY;
  }
}
