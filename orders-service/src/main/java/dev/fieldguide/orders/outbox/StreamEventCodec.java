package dev.fieldguide.orders.outbox;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The payload of a stream event as JSON, written and read by one mapper of its own: the wire
 * format must not change with the Jackson settings made for the HTTP API.
 */
final class StreamEventCodec {

  // Strict on reading: a missing, null or unknown member means the payload is not the version it
  // claims, and a misread event is worse than one that waits (Jackson 3 accepts all three).
  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
          DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
          DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
      .build();

  private StreamEventCodec() {}

  static String write(Object event) {
    return JSON.writeValueAsString(event);
  }

  static <E> E read(String payload, Class<E> eventClass) {
    return JSON.readValue(payload, eventClass);
  }
}
