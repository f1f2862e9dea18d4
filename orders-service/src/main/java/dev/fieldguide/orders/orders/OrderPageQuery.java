package dev.fieldguide.orders.orders;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.jspecify.annotations.Nullable;

/**
 * The keyset page over orders — filters, {@code (created_at, id) < (?, ?)}, newest first,
 * {@code LIMIT} — for any select clause: the full listing and the summary projection page alike.
 */
final class OrderPageQuery {

  private OrderPageQuery() {}

  /**
   * @param select JPQL up to and including {@code from Order o} (plus any fetch joins)
   */
  static <T> TypedQuery<T> create(EntityManager entityManager, String select, Class<T> type,
      OrderFilter filter, int rows, @Nullable OrderPosition after) {
    var jpql = new StringBuilder(select).append(" where true");
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
    TypedQuery<T> query = entityManager.createQuery(jpql.toString(), type).setMaxResults(rows);
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
    return query;
  }
}
