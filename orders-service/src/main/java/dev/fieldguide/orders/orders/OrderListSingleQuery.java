package dev.fieldguide.orders.orders;

import dev.fieldguide.orders.db.ReplicaRead;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The candidate query path for the order list, behind {@link OrderListRollout}: one statement
 * per page instead of two, with each order's lines aggregated to JSON by PostgreSQL in a
 * {@code LATERAL} subquery. Same keyset, same filters, same response; it earns the default only
 * after the rollout shows it is at least as good.
 */
@Component
class OrderListSingleQuery {

  private static final TypeReference<List<OrderResponse.Line>> LINES = new TypeReference<>() {};
  private static final String SELECT = """
      SELECT o.id, o.status, o.total_cents, o.created_at, c.id, c.email, c.name,
             coalesce(l.lines, '[]') AS lines
      FROM orders o
      JOIN customers c ON c.id = o.customer_id
      LEFT JOIN LATERAL (
        SELECT json_agg(json_build_object('productId', p.id, 'productName', p.name,
                 'quantity', ol.quantity, 'unitPriceCents', ol.unit_price_cents)
                 ORDER BY ol.id)::text AS lines
        FROM order_lines ol JOIN products p ON p.id = ol.product_id
        WHERE ol.order_id = o.id
      ) l ON true
      WHERE true""";

  private final JdbcClient jdbc;
  private final JsonMapper json;

  OrderListSingleQuery(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  @ReplicaRead
  OrderListing.Slice<OrderResponse> list(OrderFilter filter, int limit,
      @Nullable OrderPosition after) {
    var sql = new StringBuilder(SELECT);
    List<Object> parameters = new ArrayList<>();
    if (filter.customerId() != null) {
      sql.append(" AND o.customer_id = ?");
      parameters.add(filter.customerId());
    }
    if (filter.status() != null) {
      sql.append(" AND o.status = ?");
      parameters.add(filter.status().name());
    }
    if (after != null) {
      sql.append(" AND (o.created_at, o.id) < (?, ?)");
      parameters.add(java.sql.Timestamp.from(after.createdAt()));
      parameters.add(after.id());
    }
    sql.append(" ORDER BY o.created_at DESC, o.id DESC LIMIT ?");
    parameters.add(limit + 1);
    List<OrderResponse> rows = jdbc.sql(sql.toString()).params(parameters)
        .query((rs, row) -> new OrderResponse(rs.getLong(1), rs.getString(2), rs.getLong(3),
            rs.getTimestamp(4).toInstant(),
            new OrderResponse.CustomerSummary(rs.getLong(5), rs.getString(6), rs.getString(7)),
            json.readValue(rs.getString(8), LINES)))
        .list();
    List<OrderResponse> page = rows.size() > limit ? rows.subList(0, limit) : rows;
    return new OrderListing.Slice<>(page, rows.size() > limit
        ? new OrderPosition(page.getLast().createdAt(), page.getLast().id())
        : null);
  }
}
