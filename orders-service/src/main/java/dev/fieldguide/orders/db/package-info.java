/**
 * PG1 — the statements that cost the most, from {@code pg_stat_statements}, for operators
 * ({@code TopStatements}, {@code GET /admin/db/top-statements}); plus database plumbing shared by
 * the topics (entity identity, creating a missing database). Reading a plan (PG7) is the test and
 * lab tooling in {@code dev.fieldguide.fixtures.plans}.
 *
 * <p>PG4: {@code TransactionRetry} re-runs transactions that lost a race (deadlock, serialization
 * failure), up to 5 attempts with jitter, counting each retry by SQLState; only the outermost
 * transaction can be re-run, so a call inside another's transaction hands the lost race to its
 * owner ({@code RetryEnclosingTransaction}, let through Spring MVC by
 * {@code EnclosingRetryPassThrough}), and the last loss is a 503 ({@code TransactionConflict}).
 * Its callers: the {@code Idempotency-Key} filter's keyed request, order placement, gRPC stock
 * reservation. D7: {@code ReadReplicaRouting} sends {@code @ReplicaRead} transactions (reads that
 * tolerate lag) to a replica connection pool; every other transaction, a plain read-only one
 * included, runs on the primary.
 *
 * <p>PG10: {@code BackupMetrics} exports what point-in-time recovery depends on — WAL archiving
 * failing ({@code pg_stat_archiver}) and the age of the last verified base backup, which {@code
 * scripts/db-base-backup.sh} records in {@code base_backups}.
 *
 * @see dev.fieldguide.orders.db.TopStatementsIntegrationTests
 * @see dev.fieldguide.orders.db.MissingDatabaseCreatorIntegrationTests
 * @see dev.fieldguide.orders.db.TransactionRetryIntegrationTests
 * @see dev.fieldguide.orders.orders.PlaceOrderRetryIntegrationTests
 * @see dev.fieldguide.orders.db.ReadReplicaRoutingIntegrationTests
 * @see dev.fieldguide.orders.db.LaggingReplicaIntegrationTests
 * @see dev.fieldguide.orders.db.BackupMetricsIntegrationTests
 */
@ApplicationModule(displayName = "db (PG1, PG4, D7, PG10)", allowedDependencies = {"errors",
    "jobs", "observability"})
@NullMarked
package dev.fieldguide.orders.db;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
