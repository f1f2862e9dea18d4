/**
 * A2 — idempotency for writes: {@code Idempotency-Key} as in the IETF httpapi draft.
 *
 * <p>The first request with a key runs under a transaction-scoped advisory lock and stores its
 * response (success or client error) with the request's fingerprint, in the same transaction as
 * its writes; a repeat replays it with {@code Idempotent-Replayed: true}, a different body with
 * the same key gets 422, a repeat while the first still runs gets 409. Keys expire after 24 h.
 * A key belongs to exactly one caller (a token's issuer, roles and subject, or a session), and
 * whether one is required is decided by the route Spring MVC dispatches to, not the raw URI.
 *
 * @see dev.fieldguide.orders.idempotency.IdempotencyKeyIntegrationTests
 * @see dev.fieldguide.orders.idempotency.IdempotencyKeyPathSpellingIntegrationTests
 */
@ApplicationModule(displayName = "idempotency (A2)", allowedDependencies = {"db", "jobs",
    "security", "web"})
@NullMarked
package dev.fieldguide.orders.idempotency;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
