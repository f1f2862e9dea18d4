package dev.fieldguide.orders.orders;

import dev.fieldguide.orders.db.ReplicaRead;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders as {@link OrderRow}s, one statement on {@code orders} alone per call: the same keyset
 * page as the REST list ({@link OrderPageQuery}), without the customer join and the lines query,
 * for readers that load those per page themselves (GraphQL's batch loaders).
 */
@Service
public class OrderRows {

  // o.customer.id is the foreign key column itself: no join to customers.
  private static final String ROWS = "select new dev.fieldguide.orders.orders.OrderRow("
      + "o.id, o.customer.id, o.status, o.totalCents, o.createdAt) from Order o";

  private final EntityManager entityManager;

  OrderRows(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** Orders after {@code after} (or from the newest), at most {@code limit} of them. */
  @ReplicaRead
  public OrderListing.Slice<OrderRow> page(OrderFilter filter, int limit,
      @Nullable OrderPosition after) {
    List<OrderRow> rows = OrderPageQuery.create(entityManager, ROWS, OrderRow.class, filter,
        limit + 1, after).getResultList();
    List<OrderRow> page = rows.size() > limit ? rows.subList(0, limit) : rows;
    return new OrderListing.Slice<>(page, rows.size() > limit ? page.getLast().position() : null);
  }

  /**
   * On the primary: GraphQL's {@code order(id)} is where a client looks right after placing it,
   * as REST's {@code GET /api/v1/orders/{id}} is ({@link OrderQueries}).
   */
  @Transactional(readOnly = true)
  public Optional<OrderRow> find(long id) {
    return entityManager.createQuery(ROWS + " where o.id = :id", OrderRow.class)
        .setParameter("id", id).getResultStream().findFirst();
  }
}
