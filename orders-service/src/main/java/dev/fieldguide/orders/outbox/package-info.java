/**
 * D5, PG9 — the transactional outbox and idempotent consumers.
 *
 * <p>Events are rows written in the same transaction as the change they describe; a relay claims
 * them with {@code FOR UPDATE SKIP LOCKED} and publishes to the Redis Stream {@code orders.events};
 * consumers apply each event once by recording its id in the same transaction as the effect, and
 * acknowledge after the commit.
 *
 * @see dev.fieldguide.orders.outbox.OutboxRelayIntegrationTests
 * @see dev.fieldguide.orders.outbox.InboxConsumerIntegrationTests
 */
@NullMarked
package dev.fieldguide.orders.outbox;

import org.jspecify.annotations.NullMarked;
