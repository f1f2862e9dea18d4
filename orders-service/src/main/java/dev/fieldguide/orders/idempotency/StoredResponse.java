package dev.fieldguide.orders.idempotency;

import java.util.Map;

/** The outcome of the first request with a key, kept to be replayed byte for byte. */
record StoredResponse(String fingerprint, int status, Map<String, String> headers,
    // Only ever copied from the response to the database and back, never compared or changed.
    @SuppressWarnings("ArrayRecordComponent") byte[] body) {}
