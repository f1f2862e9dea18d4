/**
 * R5 — what belongs in Redis and what in PostgreSQL: product view counters.
 *
 * <p>Views are tallied in memory and added to Redis every 100 ms, one {@code INCRBY} per product
 * in one script (cheap, fail-open, nothing to lose but a view);
 * the durable total lives in PostgreSQL, where a periodic flush moves counts in batches that are
 * taken atomically and applied exactly once (flush id recorded in the same transaction).
 *
 * @see dev.fieldguide.orders.productviews.ProductViewCounterIntegrationTests
 */
@ApplicationModule(displayName = "productviews (R5)", allowedDependencies = {"errors", "redis"})
@NullMarked
package dev.fieldguide.orders.productviews;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
