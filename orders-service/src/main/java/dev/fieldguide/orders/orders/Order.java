package dev.fieldguide.orders.orders;

import dev.fieldguide.orders.db.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An order and its lines; every association is lazy, so each read states its fetch plan.
 */
@Entity
@Table(name = "orders")
public class Order extends BaseEntity {

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "customer_id", nullable = false)
  private Customer customer;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private OrderStatus status;

  @Column(name = "total_cents", nullable = false)
  private long totalCents;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @OneToMany(mappedBy = "order", fetch = FetchType.LAZY)
  @OrderBy("id")
  private List<OrderLine> lines = new ArrayList<>();

  @SuppressWarnings("NullAway.Init") // JPA fills the fields after this constructor
  protected Order() {}

  public Order(Customer customer, OrderStatus status, long totalCents, Instant createdAt) {
    this.customer = customer;
    this.status = status;
    this.totalCents = totalCents;
    this.createdAt = createdAt;
  }

  public Customer getCustomer() {
    return customer;
  }

  public OrderStatus getStatus() {
    return status;
  }

  public long getTotalCents() {
    return totalCents;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public List<OrderLine> getLines() {
    return List.copyOf(lines);
  }

  /** An order was accepted: stock is reserved and the customer owes {@code totalCents}. */
  public record OrderPlaced(long orderId, long customerId, long totalCents, Instant placedAt,
      List<PlacedLine> lines) {

    /** One line as it was priced when the order was placed. */
    public record PlacedLine(long productId, int quantity, long unitPriceCents) {}
  }
}
