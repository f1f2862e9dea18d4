/**
 * D3, PG6 — changing a busy table without stopping its writers: expand, backfill, contract.
 *
 * <p>{@code orders.updated_at} arrives in three releases' worth of steps: V15 adds it nullable
 * with a default for new rows (catalog-only, under a {@code lock_timeout}); {@link
 * dev.fieldguide.orders.migrations.BackfillOrderUpdatedAtTask} fills old rows in keyset chunks
 * with progress; {@link dev.fieldguide.orders.migrations.V16__OrdersUpdatedAtNotNull} makes it
 * NOT NULL through a {@code CHECK ... NOT VALID} validated without blocking writes; V17 builds the
 * index that uses it {@code CONCURRENTLY}. Every DDL step waits for its lock at most {@code
 * lock_timeout} and retries, instead of queueing the application behind it.
 *
 * <p>T5 — does this build migrate what production has? The last release's schema is recorded
 * (a pg_dump in the test resources) and every build is migrated from it with its rows;
 * {@link dev.fieldguide.orders.migrations.MigrationCommand} runs the service's Flyway alone from
 * the built jar, to record that schema and, in CI, to validate the released migrations.
 *
 * <p>Migrations before the rollout (issue 20, item 8): in Kubernetes a Job runs {@link
 * dev.fieldguide.orders.migrations.MigrationCommand} {@code migrate} and the pods apply nothing;
 * {@link dev.fieldguide.orders.migrations.SchemaValidationOnStartup} refuses to start on a schema
 * that lacks one of the build's migrations, and lets a newer release's pass.
 *
 * @see dev.fieldguide.orders.migrations.OnlineMigrationIntegrationTests
 * @see dev.fieldguide.orders.migrations.PreviousReleaseMigrationIntegrationTests
 * @see dev.fieldguide.orders.migrations.StartupSchemaValidationIntegrationTests
 */
@ApplicationModule(displayName = "migrations (D3, PG6)", allowedDependencies = {"jobs"})
@NullMarked
package dev.fieldguide.orders.migrations;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
