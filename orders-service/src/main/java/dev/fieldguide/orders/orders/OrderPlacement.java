package dev.fieldguide.orders.orders;

import dev.fieldguide.orders.errors.DomainException;
import dev.fieldguide.orders.errors.DomainException.Kind;
import dev.fieldguide.orders.catalog.Product;
import dev.fieldguide.orders.catalog.ProductRepository;
import dev.fieldguide.orders.catalog.ProductStock;
import dev.fieldguide.orders.outbox.OutboxWriter;
import dev.fieldguide.orders.errors.FieldProblem;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * D4/D5: places an order in one short transaction — business rules, stock reservation, the order,
 * its lines and the {@code OrderPlaced} outbox event commit together or not at all.
 */
@Service
class OrderPlacement {

  private final EntityManager entityManager;
  private final ProductRepository products;
  private final ProductStock stock;
  private final OutboxWriter outbox;
  private final ApplicationEventPublisher events;

  OrderPlacement(EntityManager entityManager, ProductRepository products, ProductStock stock,
      OutboxWriter outbox, ApplicationEventPublisher events) {
    this.events = events;
    this.entityManager = entityManager;
    this.products = products;
    this.stock = stock;
    this.outbox = outbox;
  }

  @Transactional
  OrderResponse place(PlaceOrderRequest request) {
    long customerId = Objects.requireNonNull(request.customerId());
    List<PlaceOrderRequest.Item> lines = request.items();
    Customer customer = entityManager.find(Customer.class, customerId);
    if (customer == null) {
      throw new DomainException(Kind.NOT_FOUND, "CUSTOMER_NOT_FOUND",
          "No customer with id %d.".formatted(customerId),
          List.of(new FieldProblem("customerId", "no such customer")));
    }
    Map<Long, Product> catalog = products.findAllById(lines.stream()
        .map(PlaceOrderRequest.Item::productId).toList())
        .stream().collect(Collectors.toMap(Product::getId, Function.identity()));
    requireKnownProducts(lines, catalog);
    reserveStock(lines);

    long total = lines.stream()
        .mapToLong(line -> product(catalog, line).getPriceCents() * line.quantity()).sum();
    // Microseconds: what PostgreSQL stores, so the response equals what a later read returns.
    Order order = new Order(customer, OrderStatus.NEW, total,
        Instant.now().truncatedTo(ChronoUnit.MICROS));
    entityManager.persist(order);
    List<OrderLine> orderLines = new ArrayList<>();
    for (PlaceOrderRequest.Item line : lines) {
      Product product = product(catalog, line);
      OrderLine orderLine = new OrderLine(order, product, line.quantity(),
          product.getPriceCents());
      entityManager.persist(orderLine);
      orderLines.add(orderLine);
    }
    entityManager.flush(); // ids for the event and the response
    var placed = new Order.OrderPlaced(order.getId(), customerId, total, order.getCreatedAt(),
        orderLines.stream().map(l -> new Order.OrderPlaced.PlacedLine(l.getProduct().getId(),
            l.getQuantity(), l.getUnitPriceCents())).toList());
    // D9: in-process listeners get the event too; anything with an outside effect must listen
    // AFTER_COMMIT (or read the outbox), never act inside this transaction.
    events.publishEvent(placed);
    outbox.append("order", order.getId(), placed);
    return OrderResponse.of(order, orderLines);
  }

  private static Product product(Map<Long, Product> catalog, PlaceOrderRequest.Item line) {
    return Objects.requireNonNull(catalog.get(line.productId()), "checked by requireKnownProducts");
  }

  private static void requireKnownProducts(List<PlaceOrderRequest.Item> lines,
      Map<Long, Product> catalog) {
    List<FieldProblem> unknown = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!catalog.containsKey(lines.get(i).productId())) {
        unknown.add(new FieldProblem("lines[%d].productId".formatted(i), "no such product"));
      }
    }
    if (!unknown.isEmpty()) {
      throw new DomainException(Kind.NOT_FOUND, "PRODUCT_NOT_FOUND",
          "%d product(s) in the order do not exist.".formatted(unknown.size()), unknown);
    }
  }

  /**
   * Takes the stock with one conditional UPDATE per product ({@link ProductStock#take}): concurrent
   * orders can never both take the last unit. Products are updated in id order, so two orders for
   * the same products cannot deadlock each other.
   */
  private void reserveStock(List<PlaceOrderRequest.Item> lines) {
    List<FieldProblem> shortLines = new ArrayList<>();
    List<PlaceOrderRequest.Item> ordered = lines.stream()
        .sorted(Comparator.comparingLong(PlaceOrderRequest.Item::productId)).toList();
    for (PlaceOrderRequest.Item line : ordered) {
      if (!stock.take(line.productId(), line.quantity())) {
        shortLines.add(new FieldProblem("lines[%d].quantity".formatted(lines.indexOf(line)),
            "not enough stock"));
      }
    }
    if (!shortLines.isEmpty()) {
      // Throwing rolls back the units already taken for the other lines.
      throw new DomainException(Kind.CONFLICT, "INSUFFICIENT_STOCK",
          "Not enough stock for %d line(s).".formatted(shortLines.size()), shortLines);
    }
  }
}
