/**
 * C2 — idempotent tasks and deduplication. A task whose effect is a write is keyed by its
 * business key (the order id): a leased Redisson lock on that key keeps two runs from working at
 * once, and {@code INSERT ... ON CONFLICT DO NOTHING} on the key keeps the effect single even
 * when the lock fails (its lease ran out), so running the task twice changes the data once.
 *
 * @see dev.fieldguide.orders.loyalty.IdempotentTaskIntegrationTests
 */
@ApplicationModule(displayName = "loyalty (C2)", allowedDependencies = {"jobs"})
@NullMarked
package dev.fieldguide.orders.loyalty;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
