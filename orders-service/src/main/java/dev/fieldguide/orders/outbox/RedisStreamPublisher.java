package dev.fieldguide.orders.outbox;

import java.util.LinkedHashMap;
import java.util.Map;
import org.redisson.api.RedissonClient;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.api.stream.StreamMessageId;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

/**
 * Appends events to a Redis Stream with {@code XADD ... MAXLEN ~ n}. The message carries the event
 * id (the consumers' deduplication key), the event's type and schema version (what consumers read
 * the payload by) and the W3C {@code traceparent}, so a consumer joins the trace of the request
 * that caused the event.
 */
@Component
class RedisStreamPublisher implements OutboxPublisher {

  private final RedissonClient redisson;
  private final String stream;
  private final int maxLength;

  RedisStreamPublisher(RedissonClient redisson, OutboxProperties properties) {
    this.redisson = redisson;
    this.stream = properties.stream();
    this.maxLength = properties.streamMaxLength();
  }

  @Override
  public void publish(OutboxEvent event) {
    append(stream, fields(event));
  }

  /** The message that carries {@code event}. */
  static Map<String, String> fields(OutboxEvent event) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("eventId", event.id().toString());
    fields.put("type", event.type());
    fields.put("version", String.valueOf(event.version()));
    fields.put("aggregateType", event.aggregateType());
    fields.put("aggregateId", event.aggregateId());
    fields.put("payload", event.payload());
    if (event.traceparent() != null) {
      fields.put("traceparent", event.traceparent());
    }
    return fields;
  }

  /** Appends a message as it is, e.g. a dead letter's original fields when it is re-driven. */
  StreamMessageId append(String streamName, Map<String, String> fields) {
    // A stream cannot take a TTL (it would drop unread messages with the old ones); it is bounded
    // by length instead. "~" trimming is cheap; the outbox table keeps the record for re-drives.
    return redisson.<String, String>getStream(streamName, StringCodec.INSTANCE)
        .add(StreamAddArgs.entries(fields).trimNonStrict().maxLen(maxLength).noLimit());
  }
}
