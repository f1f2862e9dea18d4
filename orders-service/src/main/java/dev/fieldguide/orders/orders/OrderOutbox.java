package dev.fieldguide.orders.orders;

import dev.fieldguide.orders.outbox.OutboxWriter;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * D5: an order's {@code OrderPlaced} becomes an outbox row in the transaction that saved the
 * order. A plain listener on purpose (D9): the row must live and die with that transaction, and
 * {@link OutboxWriter} refuses to write without one.
 */
@Component
class OrderOutbox {

  private final OutboxWriter outbox;

  OrderOutbox(OutboxWriter outbox) {
    this.outbox = outbox;
  }

  @EventListener
  void append(Order.OrderPlaced placed) {
    outbox.append("order", placed.orderId(), placed);
  }
}
