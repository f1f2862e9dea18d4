package dev.fieldguide.orders.outbox;

import java.util.Map;

/** One consumer's effect for one stream message, applied inside the inbox transaction. */
interface EventHandler {

  /** The consumer group name; also the consumer's key in {@code processed_events}. */
  String consumer();

  void apply(Map<String, String> message);
}
