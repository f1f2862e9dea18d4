package dev.fieldguide.orders.lab;

import dev.fieldguide.orders.orders.Order;
import dev.fieldguide.orders.orders.OrderResponse;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.hibernate.Session;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lab fixture, never on a production path: the order page loaded the way an innocent loop does,
 * touching lazy associations one order at a time.
 *
 * <p>With batch size 1 every touch is its own query (the classic 1 + N + N); with a larger
 * session batch size Hibernate groups the touches into {@code IN} batches — what a global
 * {@code default_batch_fetch_size} would do: a safety net that softens N+1 without fixing the
 * loop.
 */
@Component
@ConditionalOnBooleanProperty("fieldguide.lab.enabled")
public class NaiveOrderListing {

  private final EntityManager entityManager;

  NaiveOrderListing(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Transactional(readOnly = true)
  public List<OrderResponse> newest(int limit, int fetchBatchSize) {
    entityManager.unwrap(Session.class).setFetchBatchSize(fetchBatchSize);
    List<Order> orders = entityManager
        .createQuery("select o from Order o order by o.createdAt desc, o.id desc", Order.class)
        .setMaxResults(limit).getResultList();
    return orders.stream().map(order -> OrderResponse.of(order, order.getLines())).toList();
  }
}
