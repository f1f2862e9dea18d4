/**
 * D5, PG9 — the transactional outbox: events are rows written in the same transaction as the
 * change they describe, so a rollback leaves no event and a commit always leaves one.
 *
 * <p>So far the writer; the relay to Redis Streams and the idempotent consumers follow.
 *
 * @see dev.fieldguide.orders.orders.PlaceOrderIntegrationTests
 */
@NullMarked
package dev.fieldguide.orders.outbox;

import org.jspecify.annotations.NullMarked;
