package dev.fieldguide.orders.graphql;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lookups behind the GraphQL associations: each takes every id a level of the response needs
 * and answers with ONE statement ({@code where ... in (...)}), selecting records straight from the
 * query — no entities, nothing lazy left to load later.
 *
 * <p>Public for the lab's one-by-one fixture, which calls the same lookups with one id at a time:
 * the statement count then differs only by how the resolvers call them.
 *
 * <p>Read-only on the primary, not {@code @ReplicaRead} (D7): they complete orders that {@code
 * order(id)} may just have read from the primary, and a lagging replica would give an order
 * placed a moment ago no lines.
 */
@Service
public class OrderGraphReads {

  private final EntityManager entityManager;

  OrderGraphReads(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** The customers with these ids, by id. */
  @Transactional(readOnly = true)
  public Map<Long, CustomerRow> customers(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return entityManager.createQuery("""
        select new dev.fieldguide.orders.graphql.CustomerRow(c.id, c.email, c.name)
        from Customer c where c.id in :ids
        """, CustomerRow.class).setParameter("ids", ids).getResultStream()
        .collect(Collectors.toMap(CustomerRow::id, Function.identity()));
  }

  /** The lines of these orders, in the order they were added (REST's order). */
  @Transactional(readOnly = true)
  public List<LineRow> linesOf(Collection<Long> orderIds) {
    if (orderIds.isEmpty()) {
      return List.of();
    }
    return entityManager.createQuery("""
        select new dev.fieldguide.orders.graphql.LineRow(
          l.id, l.order.id, l.product.id, l.quantity, l.unitPriceCents)
        from OrderLine l where l.order.id in :orderIds order by l.id
        """, LineRow.class).setParameter("orderIds", orderIds).getResultList();
  }

  /** The products with these ids, by id. */
  @Transactional(readOnly = true)
  public Map<Long, ProductRow> products(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return entityManager.createQuery("""
        select new dev.fieldguide.orders.graphql.ProductRow(p.id, p.sku, p.name, p.priceCents)
        from Product p where p.id in :ids
        """, ProductRow.class).setParameter("ids", ids).getResultStream()
        .collect(Collectors.toMap(ProductRow::id, Function.identity()));
  }
}
