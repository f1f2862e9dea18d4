package dev.fieldguide.orders.support;

import dev.fieldguide.orders.outbox.InboxConsumer;
import dev.fieldguide.orders.outbox.OutboxRelay;
import java.util.List;
import org.springframework.boot.test.context.TestComponent;

/**
 * Does the worker's outbox work on the test's thread (the loops are off in tests): relay
 * everything due to the stream, then let every consumer group drain it — including earlier
 * tests' events, which is why it drains rather than reads once.
 */
@TestComponent
public class EventDelivery {

  private final OutboxRelay relay;
  private final List<InboxConsumer<?>> consumers;

  EventDelivery(OutboxRelay relay, List<InboxConsumer<?>> consumers) {
    this.relay = relay;
    this.consumers = consumers;
  }

  public void deliverAll() {
    while (relay.relayOnce() > 0) {
      // claim until nothing is due
    }
    for (InboxConsumer<?> consumer : consumers) {
      while (consumer.consumeOnce() > 0) {
        // next batch
      }
    }
  }
}
