package dev.fieldguide.orders.orders;

import dev.fieldguide.orders.catalog.Product;
import dev.fieldguide.orders.db.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One product in an order, priced as it was when the order was placed. */
@Entity
@Table(name = "order_lines")
public class OrderLine extends BaseEntity {

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "order_id", nullable = false)
  private Order order;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "product_id", nullable = false)
  private Product product;

  @Column(nullable = false)
  private int quantity;

  @Column(name = "unit_price_cents", nullable = false)
  private long unitPriceCents;

  @SuppressWarnings("NullAway.Init") // JPA fills the fields after this constructor
  protected OrderLine() {}

  /** Only {@link Order} creates lines: the lines and the total change together. */
  OrderLine(Order order, Product product, int quantity, long unitPriceCents) {
    this.order = order;
    this.product = product;
    this.quantity = quantity;
    this.unitPriceCents = unitPriceCents;
  }

  public Order getOrder() {
    return order;
  }

  public Product getProduct() {
    return product;
  }

  public int getQuantity() {
    return quantity;
  }

  public long getUnitPriceCents() {
    return unitPriceCents;
  }
}
