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
 * @see dev.fieldguide.orders.migrations.OnlineMigrationIntegrationTests
 */
@NullMarked
package dev.fieldguide.orders.migrations;

import org.jspecify.annotations.NullMarked;
