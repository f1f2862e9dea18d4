package dev.fieldguide.orders.promotions;

import java.time.OffsetDateTime;

/** A percentage off one product's price during {@code [validFrom, validUntil)}. */
record Promotion(long id, long productId, int percentOff, OffsetDateTime validFrom,
    OffsetDateTime validUntil) {}
