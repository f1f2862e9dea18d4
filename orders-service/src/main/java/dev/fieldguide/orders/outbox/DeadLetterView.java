package dev.fieldguide.orders.outbox;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /admin/inbox/dead-letters}: a message a consumer group gave up on — which group,
 * which message and event, its fields as they were on the stream, how often it was delivered and
 * the last error — and, once re-driven, when and as which new message.
 */
record DeadLetterView(long id, String consumer, String stream, String messageId,
    @Nullable UUID eventId, @Nullable String eventType, @Nullable String eventVersion,
    Map<String, String> fields, int deliveries, String lastError, OffsetDateTime deadLetteredAt,
    @Nullable OffsetDateTime redrivenAt, @Nullable String redrivenAs) {}
