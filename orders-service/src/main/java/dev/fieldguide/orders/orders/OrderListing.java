package dev.fieldguide.orders.orders;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The order list with an explicit fetch plan: two statements per page, whatever its size.
 *
 * <ol>
 * <li>The page of orders with their customer: a to-one association, so {@code join fetch}
 * (Django's {@code select_related}) adds columns, not rows, and LIMIT still counts orders.</li>
 * <li>The lines of exactly those orders with their products, by {@code IN (...)}: a collection,
 * so it gets its own query (Django's {@code prefetch_related}) instead of a join that would
 * multiply rows and force Hibernate to paginate in memory.</li>
 * </ol>
 *
 * <p>Pages are keyset-paginated on {@code (created_at, id)}, newest first.
 */
@Service
public class OrderListing {

  private final EntityManager entityManager;

  OrderListing(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** Orders after {@code after} (or from the newest), at most {@code limit} of them. */
  @Transactional(readOnly = true)
  public OrderSlice list(OrderFilter filter, int limit, @Nullable OrderPosition after) {
    List<Order> orders = page(filter, limit + 1, after);
    boolean more = orders.size() > limit;
    List<Order> page = more ? orders.subList(0, limit) : orders;
    Map<Long, List<OrderLine>> lines = linesOf(page);
    List<OrderResponse> items = page.stream()
        .map(order -> OrderResponse.of(order, lines.getOrDefault(order.getId(), List.of())))
        .toList();
    return new OrderSlice(items, more ? OrderPosition.of(page.getLast()) : null);
  }

  private List<Order> page(OrderFilter filter, int rows, @Nullable OrderPosition after) {
    var jpql = new StringBuilder("select o from Order o join fetch o.customer where true");
    if (filter.customerId() != null) {
      jpql.append(" and o.customer.id = :customerId");
    }
    if (filter.status() != null) {
      jpql.append(" and o.status = :status");
    }
    if (after != null) {
      // A row-value comparison matches the (created_at DESC, id DESC) index exactly.
      jpql.append(" and (o.createdAt, o.id) < (:afterCreatedAt, :afterId)");
    }
    jpql.append(" order by o.createdAt desc, o.id desc");
    TypedQuery<Order> query = entityManager.createQuery(jpql.toString(), Order.class)
        .setMaxResults(rows);
    if (filter.customerId() != null) {
      query.setParameter("customerId", filter.customerId());
    }
    if (filter.status() != null) {
      query.setParameter("status", filter.status());
    }
    if (after != null) {
      query.setParameter("afterCreatedAt", after.createdAt());
      query.setParameter("afterId", after.id());
    }
    return query.getResultList();
  }

  private Map<Long, List<OrderLine>> linesOf(List<Order> orders) {
    if (orders.isEmpty()) {
      return Map.of();
    }
    return entityManager.createQuery("""
        select l from OrderLine l join fetch l.product
        where l.order in :orders
        order by l.id
        """, OrderLine.class)
        .setParameter("orders", orders)
        .getResultStream()
        .collect(Collectors.groupingBy(line -> line.getOrder().getId()));
  }

  /** A page of responses and the position to continue after, if there is more. */
  public record OrderSlice(List<OrderResponse> items, @Nullable OrderPosition next) {}
}
