package dev.fieldguide.orders.outbox;

import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One consumer's effect for one stream message, applied inside the inbox transaction. */
interface EventHandler {

  /** The consumer group name; also the consumer's key in {@code processed_events}. */
  String consumer();

  void apply(Map<String, String> message);

  /** The payload of an {@code OrderPlaced} message; empty for every other event type. */
  static Optional<JsonNode> orderPlaced(Map<String, String> message, JsonMapper json) {
    String payload = message.get("payload");
    return "OrderPlaced".equals(message.get("type")) && payload != null
        ? Optional.of(json.readTree(payload))
        : Optional.empty();
  }
}
