/**
 * D5, PG9 — the transactional outbox: events are rows written in the same transaction as the
 * change they describe, so a rollback leaves no event and a commit always leaves one.
 *
 * <p>The relay claims with {@code FOR UPDATE SKIP LOCKED} and publishes to the Redis Stream
 * {@code orders.events}; idempotent consumers follow.
 *
 * @see dev.fieldguide.orders.outbox.OutboxRelayIntegrationTests
 */
@NullMarked
package dev.fieldguide.orders.outbox;

import org.jspecify.annotations.NullMarked;
