/**
 * Database plumbing shared by the topics: entity identity ({@code BaseEntity}) and creating the
 * configured database on a fresh machine.
 *
 * <p>Later topics add the EXPLAIN helper (PG1, PG7) and transaction retry (PG4) here.
 *
 * @see dev.fieldguide.orders.db.MissingDatabaseCreatorIntegrationTests
 */
@NullMarked
package dev.fieldguide.orders.db;

import org.jspecify.annotations.NullMarked;
