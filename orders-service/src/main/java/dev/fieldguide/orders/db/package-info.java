/**
 * PG1 — the statements that cost the most, from {@code pg_stat_statements}, for operators
 * ({@code TopStatements}, {@code GET /admin/db/top-statements}); plus database plumbing shared by
 * the topics (entity identity, creating a missing database). Reading a plan (PG7) is the test and
 * lab tooling in {@code dev.fieldguide.fixtures.plans}.
 *
 * <p>PG4: {@code TransactionRetry} re-runs transactions that lost a race (deadlock, serialization
 * failure). D7: {@code ReadReplicaRouting} sends {@code @Transactional(readOnly = true)} work to
 * a replica connection pool.
 *
 * <p>PG10: {@code BackupMetrics} exports what point-in-time recovery depends on — WAL archiving
 * failing ({@code pg_stat_archiver}) and the age of the last verified base backup, which {@code
 * scripts/db-base-backup.sh} records in {@code base_backups}.
 *
 * @see dev.fieldguide.orders.db.TopStatementsIntegrationTests
 * @see dev.fieldguide.orders.db.MissingDatabaseCreatorIntegrationTests
 * @see dev.fieldguide.orders.db.TransactionRetryIntegrationTests
 * @see dev.fieldguide.orders.db.ReadReplicaRoutingIntegrationTests
 * @see dev.fieldguide.orders.db.BackupMetricsIntegrationTests
 */
@ApplicationModule(displayName = "db (PG1, PG4, D7, PG10)", allowedDependencies = {"observability"})
@NullMarked
package dev.fieldguide.orders.db;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
