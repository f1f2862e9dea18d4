package dev.fieldguide.orders.outbox;

import java.util.UUID;

/**
 * What the stream message says about an event besides its payload.
 *
 * @param eventId the outbox row's id, the same for every redelivery
 * @param aggregateType what changed, e.g. {@code order}
 * @param aggregateId which one
 */
public record EventMetadata(UUID eventId, String aggregateType, String aggregateId) {}
