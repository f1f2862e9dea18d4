package dev.fieldguide.orders.outbox;

import dev.fieldguide.orders.outbox.DeadLetters.DeadLetter;
import dev.fieldguide.orders.outbox.GroupReader.Delivery;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.redisson.api.RStream;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * An idempotent, typed consumer of the event stream: one consumer group, one event type, each
 * event applied once, and no message allowed to hold up the others.
 *
 * <p>A message of another type is acknowledged and skipped. One of this consumer's type is read
 * into its record only in the version the record declares; any other version, or a message that
 * does not read, is rejected — logged and counted in {@code fieldguide.inbox.rejected} — rather
 * than misread. A handler that throws is logged with the event id and counted in {@code
 * fieldguide.inbox.failed}. Either way the message stays pending and the rest of the batch goes
 * on; it is delivered again once it has been idle for {@code reclaimAfter}, and on its {@code
 * maxDeliveries}-th failed delivery it is dead-lettered ({@link DeadLetters}, {@code
 * fieldguide.inbox.dead.lettered}) and acknowledged, so the group moves on.
 *
 * <p>The effect and an inbox row {@code (consumer, event_id)} commit in one transaction; the
 * message is acknowledged only after that commit, and counted in {@code fieldguide.inbox.applied}.
 * A redelivered message (the relay published twice, this consumer died between commit and ack, or
 * an operator re-drove it) finds the inbox row and is only acknowledged, counted in {@code
 * fieldguide.inbox.duplicates}.
 */
public class InboxConsumer<E> {

  private static final Logger log = LoggerFactory.getLogger(InboxConsumer.class);

  private final Inbox inbox;
  private final EventConsumer<E> consumer;
  private final StreamEventType type;
  private final GroupReader reader;
  private final int maxDeliveries;
  private final Counter applied;
  private final Counter duplicates;
  private final Counter rejected;
  private final Counter failed;
  private final Counter deadLettered;
  private final GroupBacklog backlog;

  InboxConsumer(Inbox inbox, EventConsumer<E> consumer, String consumerName,
      Duration reclaimAfter, int maxDeliveries) {
    this.inbox = inbox;
    RStream<String, String> stream = inbox.redisson().getStream(inbox.stream(),
        StringCodec.INSTANCE);
    this.consumer = consumer;
    this.type = StreamEventType.of(consumer.eventType()); // fails at startup, not per message
    this.reader = new GroupReader(stream, consumer.name(), consumerName, reclaimAfter);
    this.maxDeliveries = maxDeliveries;
    this.applied = inbox.meters().counter("fieldguide.inbox.applied", "consumer", consumer.name());
    this.duplicates = inbox.meters().counter("fieldguide.inbox.duplicates", "consumer",
        consumer.name());
    this.rejected = inbox.meters().counter("fieldguide.inbox.rejected", "consumer",
        consumer.name());
    this.failed = inbox.meters().counter("fieldguide.inbox.failed", "consumer", consumer.name());
    this.deadLettered = inbox.meters().counter("fieldguide.inbox.dead.lettered", "consumer",
        consumer.name());
    this.backlog = new GroupBacklog(stream, consumer.name(), inbox.meters());
  }

  /** The consumer group, e.g. {@code notifications}. */
  String name() {
    return consumer.name();
  }

  /**
   * Takes over messages idle for {@code reclaimAfter}, reads new ones, and settles each on its
   * own; then refreshes the group's backlog gauges. Returns how many it settled (applied, skipped
   * or dead-lettered); a message that failed and stays pending does not count, so a loop that
   * runs while there is work does not spin on it.
   */
  public int consumeOnce() {
    int settled = 0;
    for (Delivery delivery : reader.next()) {
      settled += settle(delivery) ? 1 : 0;
    }
    backlog.refresh();
    return settled;
  }

  /** Applies, skips or fails one message; what goes wrong stays with that message. */
  private boolean settle(Delivery delivery) {
    String error;
    try {
      process(delivery);
      return true;
    } catch (RejectedMessage e) {
      rejected.increment();
      error = String.valueOf(e.getMessage());
      log.error("Event {} ({} v{}) rejected by {}: {} (delivery {} of {})", delivery.eventId(),
          type.name(), delivery.version(), name(), error, delivery.count(), maxDeliveries);
    } catch (RuntimeException e) {
      failed.increment();
      error = e.toString();
      log.warn("Event {} ({}) failed in {} (delivery {} of {})", delivery.eventId(),
          type.name(), name(), delivery.count(), maxDeliveries, e);
    }
    return delivery.count() >= maxDeliveries && deadLetter(delivery, error);
  }

  private void process(Delivery delivery) {
    Map<String, String> message = delivery.fields();
    if (!type.name().equals(message.get("type"))) {
      reader.ack(delivery.id()); // another consumer's event: nothing to apply or remember
      return;
    }
    UUID eventId = eventId(message);
    // O2: applying the event continues the trace of the request that caused it.
    try (var traced = inbox.traces().start("consume " + type.name() + " by " + name(),
        message.get("traceparent"), Map.of())) {
      E event = read(delivery);
      var metadata = new EventMetadata(eventId, field(message, "aggregateType"),
          field(message, "aggregateId"));
      boolean firstDelivery = Boolean.TRUE.equals(inbox.transactions().execute(tx -> {
        int firstTime = inbox.jdbc().sql("""
            INSERT INTO processed_events (consumer, event_id) VALUES (?, ?)
            ON CONFLICT DO NOTHING
            """).params(name(), eventId).update();
        if (firstTime == 1) {
          consumer.apply(event, metadata);
        }
        return firstTime == 1;
      }));
      reader.ack(delivery.id()); // after the commit: a crash here means redelivery
      if (firstDelivery) {
        applied.increment();
        log.info("Event {} ({}) applied by {}", eventId, type.name(), name());
      } else {
        duplicates.increment();
        log.debug("Event {} already applied by {}", eventId, name());
      }
    }
  }

  /** The event, if the message holds it in the version this consumer reads. */
  private E read(Delivery delivery) {
    if (!delivery.version().equals(String.valueOf(type.version()))) {
      throw new RejectedMessage("it reads " + type + " only");
    }
    try {
      return StreamEventCodec.read(field(delivery.fields(), "payload"), consumer.eventType());
    } catch (JacksonException e) {
      throw new RejectedMessage("the payload is not " + type + ": " + e.getOriginalMessage());
    }
  }

  /**
   * Records the message as dead and acknowledges it, in that order: a crash between the two
   * meets the message again and records nothing new. If the record fails (the database is down),
   * the message stays pending and the next reclaim tries again.
   */
  private boolean deadLetter(Delivery delivery, String error) {
    try {
      inbox.deadLetters().record(new DeadLetter(name(), inbox.stream(),
          delivery.id().toString(), delivery.fields(), delivery.count(), error));
      reader.ack(delivery.id());
    } catch (RuntimeException e) {
      log.warn("Event {} could not be dead-lettered by {}; left pending: {}", delivery.eventId(),
          name(), e.toString());
      return false;
    }
    deadLettered.increment();
    log.error("Event {} ({}) dead-lettered by {} after {} deliveries: {}", delivery.eventId(),
        type.name(), name(), delivery.count(), error);
    return true;
  }

  private static UUID eventId(Map<String, String> message) {
    try {
      return UUID.fromString(field(message, "eventId"));
    } catch (IllegalArgumentException e) {
      throw new RejectedMessage("its eventId is not a UUID");
    }
  }

  private static String field(Map<String, String> message, String name) {
    String value = message.get(name);
    if (value == null) {
      throw new RejectedMessage("the message has no " + name);
    }
    return value;
  }

  /** A message of this consumer's type that it cannot read: left pending, never misread. */
  private static final class RejectedMessage extends RuntimeException {
    RejectedMessage(String problem) {
      super(problem, null, false, false);
    }
  }
}
