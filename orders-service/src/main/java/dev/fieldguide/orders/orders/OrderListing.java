package dev.fieldguide.orders.orders;

import dev.fieldguide.orders.db.ReplicaRead;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The order list with an explicit fetch plan: two statements per page, whatever its size.
 *
 * <ol>
 * <li>The page of orders with their customer: a to-one association, so {@code join fetch}
 * (Django's {@code select_related}) adds columns, not rows, and LIMIT still counts orders.</li>
 * <li>The lines of exactly those orders with their products' names: a collection, so it gets its
 * own query (Django's {@code prefetch_related}) instead of a join that would multiply rows and
 * force Hibernate to paginate in memory.</li>
 * </ol>
 *
 * <p>The second statement takes the page's order ids as ONE array parameter,
 * {@code order_id = any(?)}, not {@code IN (?, ?, ...)}: its text is then the same for every page
 * size, so Hibernate translates it once and the driver keeps one prepared statement for it. With an
 * {@code in :orders} list, Hibernate translated the query again on every page (9-10% of an order
 * page's time in the profile, docs/performance.md), and each page size is a statement of its own.
 * HQL has no {@code = any(array)}, hence native SQL, selecting the four columns the response shows
 * straight into records: no line or product entities to build.
 *
 * <p>Pages are keyset-paginated on {@code (created_at, id)}, newest first ({@link OrderPageQuery}).
 */
@Service
public class OrderListing {

  private static final String ORDERS_WITH_CUSTOMER = "select o from Order o join fetch o.customer";
  private static final String SUMMARIES = "select new dev.fieldguide.orders.orders.OrderSummary("
      + "o.id, o.status, o.totalCents, o.createdAt) from Order o";

  private final EntityManager entityManager;

  OrderListing(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** Orders after {@code after} (or from the newest), at most {@code limit} of them. */
  @ReplicaRead
  public Slice<OrderResponse> list(OrderFilter filter, int limit, @Nullable OrderPosition after) {
    List<Order> rows = OrderPageQuery.create(entityManager, ORDERS_WITH_CUSTOMER, Order.class,
        filter, limit + 1, after).getResultList();
    List<Order> page = slice(rows, limit);
    Map<Long, List<OrderResponse.Line>> lines = linesOf(page);
    List<OrderResponse> items = page.stream()
        .map(order -> OrderResponse.withLines(order, lines.getOrDefault(order.getId(), List.of())))
        .toList();
    return new Slice<>(items, rows.size() > limit ? OrderPosition.of(page.getLast()) : null);
  }

  /** The same page as four columns per order: one statement, one table. */
  @ReplicaRead
  public Slice<OrderSummary> summaries(OrderFilter filter, int limit,
      @Nullable OrderPosition after) {
    List<OrderSummary> rows = OrderPageQuery.create(entityManager, SUMMARIES, OrderSummary.class,
        filter, limit + 1, after).getResultList();
    List<OrderSummary> page = slice(rows, limit);
    return new Slice<>(page, rows.size() > limit ? page.getLast().position() : null);
  }

  private Map<Long, List<OrderResponse.Line>> linesOf(List<Order> orders) {
    if (orders.isEmpty()) {
      return Map.of();
    }
    Long[] ids = orders.stream().map(Order::getId).toArray(Long[]::new);
    @SuppressWarnings("unchecked") // a native query without a result class gives Object[] rows
    List<Object[]> rows = entityManager.createNativeQuery("""
        select l.order_id, l.product_id, p.name, l.quantity, l.unit_price_cents
        from order_lines l join products p on p.id = l.product_id
        where l.order_id = any(:orders)
        order by l.id
        """).setParameter("orders", ids).getResultList();
    return rows.stream().collect(Collectors.groupingBy(row -> ((Number) row[0]).longValue(),
        Collectors.mapping(row -> new OrderResponse.Line(((Number) row[1]).longValue(),
            (String) row[2], ((Number) row[3]).intValue(), ((Number) row[4]).longValue()),
            Collectors.toList())));
  }

  private static <T> List<T> slice(List<T> rows, int limit) {
    return rows.size() > limit ? rows.subList(0, limit) : rows;
  }

  /** A page of items and the position to continue after, if there is more. */
  public record Slice<T>(List<T> items, @Nullable OrderPosition next) {}
}
