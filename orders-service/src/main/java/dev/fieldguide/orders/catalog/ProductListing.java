package dev.fieldguide.orders.catalog;

import dev.fieldguide.orders.db.ReplicaRead;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The product list: keyset on {@code id}, filters that each have an index.
 *
 * <p>{@code attributes @> '{"color":"red"}'} is answered by the GIN {@code jsonb_path_ops} index
 * and {@code to_tsvector('simple', name) @@ plainto_tsquery(...)} by the expression GIN index,
 * both from migration V2. It is plain SQL because both operators are PostgreSQL's own.
 */
@Service
class ProductListing {

  private static final TypeReference<Map<String, Object>> ATTRIBUTES = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonMapper json;

  ProductListing(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  @ReplicaRead
  List<ProductResponse> list(ProductFilter filter, int rows, @Nullable Long afterId) {
    var sql = new StringBuilder(
        "SELECT id, sku, name, price_cents, attributes::text FROM products WHERE true");
    List<Object> parameters = new ArrayList<>();
    if (!filter.attributes().isEmpty()) {
      sql.append(" AND attributes @> ?::jsonb");
      parameters.add(json.writeValueAsString(filter.attributes()));
    }
    if (filter.q() != null) {
      sql.append(" AND to_tsvector('simple', name) @@ plainto_tsquery('simple', ?)");
      parameters.add(filter.q());
    }
    if (afterId != null) {
      sql.append(" AND id > ?");
      parameters.add(afterId);
    }
    sql.append(" ORDER BY id LIMIT ?");
    parameters.add(rows);
    return jdbc.sql(sql.toString()).params(parameters)
        .query((rs, row) -> new ProductResponse(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getLong(4), json.readValue(rs.getString(5), ATTRIBUTES)))
        .list();
  }
}
