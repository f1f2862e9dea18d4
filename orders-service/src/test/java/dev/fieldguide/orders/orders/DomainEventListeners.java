package dev.fieldguide.orders.orders;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * D9 fixture: the two ways to react to {@code OrderPlaced} in process. The implicit one (a plain
 * {@code @EventListener}, like a Django signal) runs inside the publisher's transaction — before
 * anyone knows whether it commits. The explicit one runs after the commit, or not at all.
 */
@TestComponent
public class DomainEventListeners {

  /** Orders the implicit listener acted on ("sent a welcome e-mail" for). */
  final List<Long> implicitlyHandled = new CopyOnWriteArrayList<>();
  /** Orders the after-commit listener acted on. */
  final List<Long> handledAfterCommit = new CopyOnWriteArrayList<>();

  @EventListener
  void onPlacedInsideTheTransaction(Order.OrderPlaced placed) {
    implicitlyHandled.add(placed.orderId());
  }

  @TransactionalEventListener // phase AFTER_COMMIT
  void onPlacedAfterCommit(Order.OrderPlaced placed) {
    handledAfterCommit.add(placed.orderId());
  }
}
