package dev.fieldguide.orders.outbox;

import java.time.Duration;
import java.util.UUID;
import org.redisson.api.RStream;
import org.redisson.api.stream.StreamGroup;
import org.redisson.client.codec.StringCodec;

/**
 * A stream of one test's own, beside the application's: messages published to it and the
 * consumer groups reading it meet no other test's events.
 */
final class TestStream {

  private final Inbox inbox;
  private final RedisStreamPublisher publisher;

  /** @param app the application's inbox, whose database, tracer and meters the stream shares */
  TestStream(Inbox app, OutboxProperties properties) {
    this.inbox = new Inbox(app.redisson(), "inbox-test:" + UUID.randomUUID(), app.jdbc(),
        app.transactions(), app.deadLetters(), app.traces(), app.meters());
    this.publisher = new RedisStreamPublisher(app.redisson(), properties);
  }

  String name() {
    return inbox.stream();
  }

  void publish(OutboxEvent event) {
    publisher.append(name(), RedisStreamPublisher.fields(event));
  }

  <E> InboxConsumer<E> consumer(EventConsumer<E> consumer, String name, Duration reclaimAfter,
      int maxDeliveries) {
    return new InboxConsumer<>(inbox, consumer, name, reclaimAfter, maxDeliveries);
  }

  RStream<String, String> messages() {
    return inbox.redisson().getStream(name(), StringCodec.INSTANCE);
  }

  /** The group as {@code XINFO GROUPS} reports it now. */
  StreamGroup group(String group) {
    return messages().listGroups().stream().filter(g -> g.getName().equals(group)).findFirst()
        .orElseThrow();
  }

  /** A message of the probe type in {@code version}, with {@code payload} as it is. */
  static OutboxEvent probed(int version, String payload) {
    return new OutboxEvent(UUID.randomUUID(), "test", "1", "InboxProbed", version, payload, null,
        0);
  }

  /** Consumes until the group has nothing new or reclaimable that settles. */
  static void drain(InboxConsumer<?> consumer) {
    while (consumer.consumeOnce() > 0) {
      // next batch
    }
  }
}
