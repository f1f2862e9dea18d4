package dev.fieldguide.orders.outbox;

/** Where claimed events go; the Redis Stream in the service, a failing stand-in in tests. */
@FunctionalInterface
interface OutboxPublisher {

  /** Publishes one event or throws; the relay retries what throws. */
  void publish(OutboxEvent event);
}
