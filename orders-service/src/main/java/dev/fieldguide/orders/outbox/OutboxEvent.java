package dev.fieldguide.orders.outbox;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An outbox row as the relay claims it. */
record OutboxEvent(UUID id, String aggregateType, String aggregateId, String type, String payload,
    @Nullable String traceparent, int attempts) {}
