package dev.fieldguide.benchmarks;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A product by one SELECT on every request, no cache: what the service's Redis-cached
 * {@code GET /api/v1/products/{id}} must beat. Same fields as the service's answer.
 */
@RestController
class ProductController {

  private final JdbcClient jdbc;
  private final JsonMapper json;

  ProductController(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  @GetMapping("/products/{id}")
  Product product(@PathVariable long id) {
    return jdbc.sql("select id, sku, name, price_cents, attributes from products where id = ?")
        .param(id)
        .query((rs, row) -> new Product(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getLong(4), json.readTree(rs.getString(5))))
        .optional().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  record Product(long id, String sku, String name, long priceCents, JsonNode attributes) {}
}
