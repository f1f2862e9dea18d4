package dev.fieldguide.orders.outbox;

import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.redisson.api.RStream;
import org.redisson.api.stream.StreamCreateGroupArgs;
import org.redisson.api.stream.StreamMessageId;
import org.redisson.api.stream.StreamReadGroupArgs;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * An idempotent, typed consumer of the event stream: one consumer group, one event type, each
 * event applied once.
 *
 * <p>A message of another type is acknowledged and skipped. One of this consumer's type is read
 * into its record only in the version the record declares; any other version, or a payload that
 * does not read, is rejected — logged, counted in {@code fieldguide.inbox.rejected} and left
 * pending — rather than misread or dropped: once a consumer that reads it is deployed, the
 * reclaim below applies it, once.
 *
 * <p>The effect and an inbox row {@code (consumer, event_id)} commit in one transaction; the
 * message is acknowledged only after that commit. A redelivered message (the relay published twice,
 * or this consumer died between commit and ack) finds the inbox row and is only acknowledged. A
 * message left pending by a consumer that died before committing is reclaimed with
 * {@code XAUTOCLAIM} once it has been idle for {@code reclaimAfter}.
 */
public class InboxConsumer<E> {

  private static final Logger log = LoggerFactory.getLogger(InboxConsumer.class);

  private static final int BATCH = 50;

  private final Inbox inbox;
  private final RStream<String, String> stream;
  private final EventConsumer<E> consumer;
  private final StreamEventType type;
  private final String consumerName;
  private final Duration reclaimAfter;
  private final Counter rejected;
  private final AtomicBoolean groupReady = new AtomicBoolean();

  InboxConsumer(Inbox inbox, EventConsumer<E> consumer, String consumerName,
      Duration reclaimAfter) {
    this.inbox = inbox;
    this.stream = inbox.redisson().getStream(inbox.stream(), StringCodec.INSTANCE);
    this.consumer = consumer;
    this.type = StreamEventType.of(consumer.eventType()); // fails at startup, not per message
    this.consumerName = consumerName;
    this.reclaimAfter = reclaimAfter;
    this.rejected = inbox.meters().counter("fieldguide.inbox.rejected", "consumer",
        consumer.name());
  }

  /** The consumer group, e.g. {@code notifications}. */
  String name() {
    return consumer.name();
  }

  /**
   * Reclaims abandoned messages, reads new ones, applies and acknowledges each. Returns how many
   * it settled (applied or skipped); rejected messages stay pending and do not count, so a loop
   * that runs while there is work does not spin on them.
   */
  public int consumeOnce() {
    ensureGroup();
    Map<StreamMessageId, Map<String, String>> messages = new LinkedHashMap<>(stream.autoClaim(
        name(), consumerName, reclaimAfter.toMillis(), TimeUnit.MILLISECONDS,
        StreamMessageId.MIN, BATCH).getMessages());
    messages.putAll(stream.readGroup(name(), consumerName,
        StreamReadGroupArgs.neverDelivered().count(BATCH)));
    int settled = 0;
    for (var message : messages.entrySet()) {
      settled += process(message.getKey(), message.getValue()) ? 1 : 0;
    }
    return settled;
  }

  private boolean process(StreamMessageId id, Map<String, String> message) {
    if (!type.name().equals(message.get("type"))) {
      stream.ack(name(), id); // another consumer's event: nothing to apply, nothing to remember
      return true;
    }
    UUID eventId = UUID.fromString(field(message, "eventId"));
    // O2: applying the event continues the trace of the request that caused it.
    try (var traced = inbox.traces().start("consume " + type.name() + " by " + name(),
        message.get("traceparent"), Map.of())) {
      Optional<E> event = read(eventId, message);
      if (event.isEmpty()) {
        return false;
      }
      var metadata = new EventMetadata(eventId, field(message, "aggregateType"),
          field(message, "aggregateId"));
      boolean applied = Boolean.TRUE.equals(inbox.transactions().execute(tx -> {
        int firstTime = inbox.jdbc().sql("""
            INSERT INTO processed_events (consumer, event_id) VALUES (?, ?)
            ON CONFLICT DO NOTHING
            """).params(name(), eventId).update();
        if (firstTime == 1) {
          consumer.apply(event.get(), metadata);
        }
        return firstTime == 1;
      }));
      stream.ack(name(), id); // after the commit: a crash here means redelivery
      if (applied) {
        log.info("Event {} ({}) applied by {}", eventId, type.name(), name());
      } else {
        log.debug("Event {} already applied by {}", eventId, name());
      }
      return true;
    }
  }

  /** The event, if the message holds it in the version this consumer reads; else rejected. */
  private Optional<E> read(UUID eventId, Map<String, String> message) {
    // Messages published before versions travelled on the stream were all version 1.
    String version = message.getOrDefault("version", "1");
    String problem;
    if (!version.equals(String.valueOf(type.version()))) {
      problem = "it reads " + type + " only";
    } else {
      try {
        return Optional.of(StreamEventCodec.read(field(message, "payload"),
            consumer.eventType()));
      } catch (JacksonException e) {
        problem = "the payload is not " + type + ": " + e.getOriginalMessage();
      }
    }
    rejected.increment();
    log.error("Event {} ({} v{}) rejected by {}: {}. Left pending until a consumer that reads it"
        + " is deployed.", eventId, type.name(), version, name(), problem);
    return Optional.empty();
  }

  private static String field(Map<String, String> message, String name) {
    return Objects.requireNonNull(message.get(name), () -> "stream message without " + name);
  }

  private void ensureGroup() {
    if (groupReady.get()) {
      return;
    }
    try {
      stream.createGroup(StreamCreateGroupArgs.name(name()).id(StreamMessageId.ALL).makeStream());
    } catch (RedisException e) {
      if (!String.valueOf(e.getMessage()).contains("BUSYGROUP")) {
        throw e;
      }
    }
    groupReady.set(true);
  }
}
