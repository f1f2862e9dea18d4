package dev.fieldguide.orders.graphql;

import dev.fieldguide.orders.orders.OrderRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * The associations of the GraphQL order graph, each resolved for a whole level at once.
 *
 * <p>A {@code @BatchMapping} is a DataLoader: graphql-java collects the parents of a level (every
 * order on the page, then every line of those orders) and calls the method once with all of them,
 * so each level costs one statement however many parents it has. A plain {@code @SchemaMapping}
 * would be called once per parent: the N+1 the lab's one-by-one fixture shows.
 */
@Controller
class OrderBatchMappings {

  private final OrderGraphReads reads;

  OrderBatchMappings(OrderGraphReads reads) {
    this.reads = reads;
  }

  @BatchMapping(typeName = "Order", field = "customer")
  Map<OrderRow, CustomerRow> customer(List<OrderRow> orders) {
    Map<Long, CustomerRow> customers = reads.customers(
        orders.stream().map(OrderRow::customerId).collect(Collectors.toSet()));
    Map<OrderRow, CustomerRow> byOrder = new LinkedHashMap<>();
    for (OrderRow order : orders) {
      CustomerRow customer = customers.get(order.customerId());
      if (customer != null) { // a foreign key guarantees it; a missing one surfaces as an error
        byOrder.put(order, customer);
      }
    }
    return byOrder;
  }

  @BatchMapping(typeName = "Order", field = "lines")
  Map<OrderRow, List<LineRow>> lines(List<OrderRow> orders) {
    Map<Long, List<LineRow>> lines = reads.linesOf(orders.stream().map(OrderRow::id).toList())
        .stream().collect(Collectors.groupingBy(LineRow::orderId));
    Map<OrderRow, List<LineRow>> byOrder = new LinkedHashMap<>();
    for (OrderRow order : orders) {
      byOrder.put(order, lines.getOrDefault(order.id(), List.of()));
    }
    return byOrder;
  }

  @BatchMapping(typeName = "OrderLine", field = "product")
  Map<LineRow, ProductRow> product(List<LineRow> lines) {
    Set<Long> ids = lines.stream().map(LineRow::productId).collect(Collectors.toSet());
    Map<Long, ProductRow> products = reads.products(ids);
    Map<LineRow, ProductRow> byLine = new LinkedHashMap<>();
    for (LineRow line : lines) {
      ProductRow product = products.get(line.productId());
      if (product != null) {
        byLine.put(line, product);
      }
    }
    return byLine;
  }
}
