/**
 * PG1, PG7 — finding and reading slow queries: {@code EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)}
 * summarised for tests and labs (node types, estimated against actual rows), and the top statements
 * from {@code pg_stat_statements}; plus database plumbing shared by the topics (entity identity,
 * creating a missing database).
 *
 * <p>PG4: {@code TransactionRetry} re-runs transactions that lost a race (deadlock, serialization
 * failure). D7: {@code ReadReplicaRouting} sends {@code @Transactional(readOnly = true)} work to
 * a replica connection pool.
 *
 * @see dev.fieldguide.orders.db.TopStatementsIntegrationTests
 * @see dev.fieldguide.orders.orders.OrderListKeysetIntegrationTests
 * @see dev.fieldguide.orders.db.MissingDatabaseCreatorIntegrationTests
 * @see dev.fieldguide.orders.db.TransactionRetryIntegrationTests
 * @see dev.fieldguide.orders.db.ReadReplicaRoutingIntegrationTests
 */
@NullMarked
package dev.fieldguide.orders.db;

import org.jspecify.annotations.NullMarked;
