package dev.fieldguide.lab;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the write labs share: a fresh customer of their own (so their counts are theirs alone), a
 * product with stock, and {@code POST /api/v1/orders} over HTTP as a real client sends it.
 */
@Component
class LabOrders {

  private final JdbcClient jdbc;
  private final LabAuthorizedHttp http;

  LabOrders(JdbcClient jdbc, LabAuthorizedHttp http) {
    this.jdbc = jdbc;
    this.http = http;
  }

  /** A new customer whose orders only this lab run creates. */
  long newCustomer(String labName) {
    return jdbc.sql("INSERT INTO customers (email, name) VALUES (?, ?) RETURNING id")
        .params("lab-" + UUID.randomUUID() + "@example.test", labName + " Lab")
        .query(Long.class).single();
  }

  /** The product with the most stock, topped up by {@code units} so the lab cannot run out. */
  long productWithStockFor(int units) {
    return jdbc.sql("""
        UPDATE products SET stock = stock + ?
        WHERE id = (SELECT id FROM products ORDER BY stock DESC, id LIMIT 1) RETURNING id
        """).param(units).query(Long.class).single();
  }

  static String oneLineOrder(long customer, long product, int quantity) {
    return "{\"customerId\": %d, \"lines\": [{\"productId\": %d, \"quantity\": %d}]}"
        .formatted(customer, product, quantity);
  }

  /** {@code POST /api/v1/orders} with the given Idempotency-Key. */
  HttpResponse<String> place(URI base, String idempotencyKey, String body) {
    return http.send(HttpRequest.newBuilder(base.resolve("/api/v1/orders"))
        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
        .header("Idempotency-Key", idempotencyKey)
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }
}
