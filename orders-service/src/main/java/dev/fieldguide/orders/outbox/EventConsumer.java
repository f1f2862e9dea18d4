package dev.fieldguide.orders.outbox;

/**
 * One feature's reaction to one event type on the stream. The inbox calls {@link #apply} once per
 * event, inside the transaction that records the event as processed; messages of other types are
 * acknowledged without reaching it.
 *
 * @param <E> the event record, annotated {@link StreamEvent}
 */
public interface EventConsumer<E> {

  /** The consumer group; also the consumer's key in {@code processed_events}. Never rename it. */
  String name();

  /** The event this consumer applies; its {@link StreamEvent} says which messages that is. */
  Class<E> eventType();

  void apply(E event, EventMetadata metadata);
}
