package dev.fieldguide.orders.orders;

import dev.fieldguide.orders.catalog.Product;
import dev.fieldguide.orders.db.BaseEntity;
import dev.fieldguide.orders.errors.DomainException;
import dev.fieldguide.orders.errors.DomainException.Kind;
import dev.fieldguide.orders.errors.FieldProblem;
import dev.fieldguide.orders.outbox.StreamEvent;
import jakarta.persistence.CascadeType;
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
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.AfterDomainEventPublication;
import org.springframework.data.domain.DomainEvents;

/**
 * The order aggregate: it owns its lines, computes its total, guards its status and announces
 * that it was placed. Every association is lazy, so each read states its fetch plan.
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

  @OneToMany(mappedBy = "order", cascade = CascadeType.PERSIST, fetch = FetchType.LAZY)
  @OrderBy("id")
  private List<OrderLine> lines = new ArrayList<>();

  /** Placed but not yet announced; cleared once Spring Data has published the event. */
  @Transient
  private boolean placedUnannounced;

  @SuppressWarnings("NullAway.Init") // JPA fills the fields after this constructor
  protected Order() {}

  private Order(Customer customer, Instant createdAt) {
    this.customer = customer;
    this.status = OrderStatus.NEW;
    this.createdAt = createdAt;
  }

  /**
   * A new order of {@code lines}, priced as given; saving it announces {@link OrderPlaced}.
   *
   * @throws DomainException {@code ORDER_TOTAL_TOO_LARGE} when the total does not fit in a long
   */
  public static Order place(Customer customer, List<PricedLine> lines, Instant placedAt) {
    Order order = new Order(customer, placedAt);
    for (PricedLine line : lines) {
      order.lines.add(new OrderLine(order, line.product(), line.quantity(),
          line.unitPriceCents()));
    }
    order.totalCents = total(lines);
    order.placedUnannounced = true;
    return order;
  }

  /** Money is checked arithmetic: a total that would wrap round is refused, never stored. */
  private static long total(List<PricedLine> lines) {
    try {
      long total = 0;
      for (PricedLine line : lines) {
        total = Math.addExact(total, Math.multiplyExact(line.unitPriceCents(), line.quantity()));
      }
      return total;
    } catch (ArithmeticException overflow) {
      throw new DomainException(Kind.INVALID, "ORDER_TOTAL_TOO_LARGE",
          "The order's total is larger than can be charged in one order.",
          List.of(new FieldProblem("lines", "total too large")));
    }
  }

  public void pay() {
    moveTo(OrderStatus.PAID);
  }

  public void ship() {
    moveTo(OrderStatus.SHIPPED);
  }

  public void deliver() {
    moveTo(OrderStatus.DELIVERED);
  }

  public void cancel() {
    moveTo(OrderStatus.CANCELLED);
  }

  private void moveTo(OrderStatus next) {
    if (!status.mayBecome(next)) {
      throw new DomainException(Kind.CONFLICT, "ILLEGAL_STATUS_TRANSITION",
          "An order that is %s cannot become %s.".formatted(status, next));
    }
    status = next;
  }

  /**
   * What Spring Data publishes when the order is saved. The event is built here rather than in
   * {@link #place}: the order's id comes from the database and exists only after the insert.
   */
  @DomainEvents
  List<OrderPlaced> domainEvents() {
    return placedUnannounced ? List.of(placed()) : List.of();
  }

  @AfterDomainEventPublication
  void domainEventsPublished() {
    placedUnannounced = false;
  }

  private OrderPlaced placed() {
    return new OrderPlaced(getId(), customer.getId(), totalCents, createdAt,
        lines.stream().map(line -> new OrderPlaced.PlacedLine(line.getProduct().getId(),
            line.getQuantity(), line.getUnitPriceCents())).toList());
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

  /** A product, how many of it, and the unit price the order charges for it. */
  public record PricedLine(Product product, int quantity, long unitPriceCents) {}

  /** An order was accepted: stock is reserved and the customer owes {@code totalCents}. */
  @StreamEvent(type = "OrderPlaced", version = 1)
  public record OrderPlaced(long orderId, long customerId, long totalCents, Instant placedAt,
      List<PlacedLine> lines) {

    /** One line as it was priced when the order was placed. */
    public record PlacedLine(long productId, int quantity, long unitPriceCents) {}
  }
}
