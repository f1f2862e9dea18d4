/**
 * D5, PG9 — the transactional outbox, typed and versioned events, and idempotent consumers.
 *
 * <p>Events are rows written in the same transaction as the change they describe; a relay claims
 * them with {@code FOR UPDATE SKIP LOCKED} and publishes to the Redis Stream {@code orders.events}
 * under the type name and schema version their {@link dev.fieldguide.orders.outbox.StreamEvent}
 * declares; each {@link dev.fieldguide.orders.outbox.EventConsumer} receives its event as a record,
 * once, recorded in the same transaction as its effect and acknowledged after the commit. A
 * message that fails on {@code max-deliveries} deliveries is dead-lettered ({@code
 * inbox_dead_letters}) and acknowledged, so one poison message never stalls its group; an
 * operator re-drives it, once. This package only transports: the events and their consumers live
 * with the features they serve.
 *
 * @see dev.fieldguide.orders.outbox.OutboxRelayIntegrationTests
 * @see dev.fieldguide.orders.outbox.InboxConsumerIntegrationTests
 * @see dev.fieldguide.orders.outbox.PoisonMessageIntegrationTests
 * @see dev.fieldguide.orders.outbox.StreamEventContractTests
 */
@ApplicationModule(displayName = "outbox (D5, PG9)", allowedDependencies = {"errors", "tracing"})
@NullMarked
package dev.fieldguide.orders.outbox;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
