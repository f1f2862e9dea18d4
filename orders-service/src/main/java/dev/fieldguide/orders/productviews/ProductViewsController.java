package dev.fieldguide.orders.productviews;

import io.swagger.v3.oas.annotations.Operation;
import dev.fieldguide.orders.errors.NotFoundException;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/products/{id}/views}: the flushed total from PostgreSQL plus the count still
 * waiting in Redis. Kept out of the (cached) product body, which would otherwise go stale at
 * every view.
 */
@RestController
@RequestMapping("/api/v1/products")
class ProductViewsController {

  private static final Duration REDIS_WAIT = Duration.ofMillis(250);

  private final JdbcClient jdbc;
  private final ProductViews views;

  ProductViewsController(JdbcClient jdbc, ProductViews views) {
    this.jdbc = jdbc;
    this.views = views;
  }

  @GetMapping("/{id}/views")
  @Operation(summary = "How often a product was viewed")
  ProductViewsResponse views(@PathVariable long id) {
    long flushed = jdbc.sql("""
        SELECT coalesce(v.views, 0) FROM products p
        LEFT JOIN product_views v ON v.product_id = p.id
        WHERE p.id = ?
        """).param(id).query((rs, row) -> rs.getLong(1)).optional()
        .orElseThrow(() -> new NotFoundException("product", id));
    return new ProductViewsResponse(id, flushed + views.unflushed(id, REDIS_WAIT));
  }

  /** The product's views: flushed to PostgreSQL plus not yet flushed. */
  record ProductViewsResponse(long productId, long views) {}
}
