package dev.fieldguide.orders.support;

import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A product row for a test ({@code TestData.aProduct()}): a unique SKU, 10.00, 100 in stock and
 * no attributes unless the test says otherwise.
 */
public final class ProductBuilder {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;
  private String sku = "T-" + UUID.randomUUID();
  private String name = "Product " + sku;
  private long priceCents = 1_000;
  private int stock = 100;
  private Map<String, String> attributes = Map.of();

  ProductBuilder(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public ProductBuilder named(String name) {
    this.name = name;
    return this;
  }

  /** A SKU the test chose; unique across the run, or the insert fails. */
  public ProductBuilder withSku(String sku) {
    this.sku = sku;
    return this;
  }

  public ProductBuilder priced(long priceCents) {
    this.priceCents = priceCents;
    return this;
  }

  public ProductBuilder withStock(int stock) {
    this.stock = stock;
    return this;
  }

  public ProductBuilder withAttributes(Map<String, String> attributes) {
    this.attributes = Map.copyOf(attributes);
    return this;
  }

  /** Inserts the product; its id. */
  public long create() {
    return jdbc.sql("""
        INSERT INTO products (sku, name, price_cents, stock, attributes)
        VALUES (?, ?, ?, ?, ?::jsonb) RETURNING id
        """).params(sku, name, priceCents, stock, JSON.writeValueAsString(attributes))
        .query(Long.class).single();
  }
}
