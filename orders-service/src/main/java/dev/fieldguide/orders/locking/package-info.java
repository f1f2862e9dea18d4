/**
 * R3 — distributed locks done safely.
 *
 * <p>A Redis lock is a lease, not a guarantee: owner-checked release (Redisson {@code RLock}, or
 * {@code SET NX PX} plus a compare-and-delete script) stops others from freeing it, and a fencing
 * token handed out with it and checked by PostgreSQL on write rejects a holder whose lease ran out.
 *
 * @see dev.fieldguide.orders.locking.DistributedLockIntegrationTests
 * @see dev.fieldguide.orders.locking.FencingTokenIntegrationTests
 */
@ApplicationModule(displayName = "locking (R3)", allowedDependencies = {"errors", "redis"})
@NullMarked
package dev.fieldguide.orders.locking;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
