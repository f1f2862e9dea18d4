package dev.fieldguide.orders.orders;

import dev.fieldguide.orders.errors.DomainException;
import dev.fieldguide.orders.errors.DomainException.Kind;
import dev.fieldguide.orders.catalog.Product;
import dev.fieldguide.orders.catalog.ProductRepository;
import dev.fieldguide.orders.catalog.ProductStock;
import dev.fieldguide.orders.db.TransactionRetry;
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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;

/**
 * D4/D5: places an order in one short transaction — business rules, stock reservation, the order,
 * its lines and the {@code OrderPlaced} outbox event commit together or not at all. PG4: a
 * transaction that loses a race (a deadlock on the stock rows) is run again from the start by
 * {@link TransactionRetry}, or by the {@code Idempotency-Key} filter's transaction that encloses it.
 */
@Service
class OrderPlacement {

  private final EntityManager entityManager;
  private final ProductRepository products;
  private final ProductStock stock;
  private final OrderRepository orders;
  private final TransactionRetry retry;

  OrderPlacement(EntityManager entityManager, ProductRepository products, ProductStock stock,
      OrderRepository orders, TransactionRetry retry) {
    this.entityManager = entityManager;
    this.products = products;
    this.stock = stock;
    this.orders = orders;
    this.retry = retry;
  }

  OrderResponse place(PlaceOrderRequest request) {
    return retry.run(Isolation.DEFAULT, tx -> placeOnce(request));
  }

  /**
   * One attempt, all of it inside the attempt's transaction: the customer, the products and the
   * new {@code Order} belong to this attempt's persistence context, which its rollback discards,
   * so a retry reads and builds everything afresh.
   */
  private OrderResponse placeOnce(PlaceOrderRequest request) {
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
    // Microseconds: what PostgreSQL stores, so the response equals what a later read returns.
    Order order = Order.place(customer, priced(lines, catalog),
        Instant.now().truncatedTo(ChronoUnit.MICROS));
    reserveStock(lines);
    // D9: saving publishes the order's OrderPlaced to in-process listeners, OrderOutbox among
    // them, inside this transaction; anything with an outside effect must listen AFTER_COMMIT
    // (or read the outbox), never act here.
    orders.save(order);
    return OrderResponse.of(order, order.getLines());
  }

  /** Each line at its product's current price: what the order charges. */
  private static List<Order.PricedLine> priced(List<PlaceOrderRequest.Item> lines,
      Map<Long, Product> catalog) {
    return lines.stream().map(line -> {
      Product product = Objects.requireNonNull(catalog.get(line.productId()),
          "checked by requireKnownProducts");
      return new Order.PricedLine(product, line.quantity(), product.getPriceCents());
    }).toList();
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
