package dev.fieldguide.orders.catalog;

import dev.fieldguide.orders.db.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A product for sale: price and stock are relational columns, the rest lives in JSONB. */
@Entity
@Table(name = "products")
public class Product extends BaseEntity {

  /**
   * 10,000,000.00 in cents, the most a product may cost (the API and a CHECK in V24 hold it): the
   * largest order, 50 lines of 1,000 units, then totals 5 * 10^13 cents, far inside a long and
   * exact even as a JavaScript number (below 2^53).
   */
  public static final long MAX_PRICE_CENTS = 1_000_000_000L;

  @Column(nullable = false, unique = true)
  private String sku;

  @Column(nullable = false)
  private String name;

  @Column(name = "price_cents", nullable = false)
  private long priceCents;

  @Column(nullable = false)
  private int stock;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, columnDefinition = "jsonb")
  private Map<String, Object> attributes;

  @SuppressWarnings("NullAway.Init") // JPA fills the fields after this constructor
  protected Product() {}

  public Product(String sku, String name, long priceCents, int stock,
      Map<String, Object> attributes) {
    this.sku = sku;
    this.name = name;
    this.priceCents = priceCents;
    this.stock = stock;
    this.attributes = Map.copyOf(attributes);
  }

  public String getSku() {
    return sku;
  }

  public String getName() {
    return name;
  }

  public long getPriceCents() {
    return priceCents;
  }

  public int getStock() {
    return stock;
  }

  public Map<String, Object> getAttributes() {
    return Map.copyOf(attributes);
  }

  /** Applies an edit; fields the edit leaves out keep their value. */
  void apply(ProductEdit edit) {
    if (edit.name() != null) {
      name = edit.name();
    }
    if (edit.priceCents() != null) {
      priceCents = edit.priceCents();
    }
    if (edit.attributes() != null) {
      attributes = Map.copyOf(edit.attributes());
    }
  }

  /** Published when a product's shown data changed; caches drop it after the commit. */
  public record ProductChanged(long productId) {}
}
