package dev.fieldguide.orders.lab;

import dev.fieldguide.orders.graphql.LineRow;
import dev.fieldguide.orders.graphql.OrderGraphReads;
import dev.fieldguide.orders.graphql.ProductRow;
import dev.fieldguide.orders.orders.OrderRow;
import dev.fieldguide.orders.errors.NotFoundException;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Lab fixture, never on a production path: {@code Order.linesOneByOne} and
 * {@code OrderLine.productOneByOne} resolved with plain {@code @SchemaMapping}, which graphql-java
 * calls once per parent. They run the very lookups of the batched fields, one id at a time, so a
 * page of N orders with L lines costs 1 + N + L statements here (plus 1 for customers, still
 * batched) against one per level for {@code lines} and {@code product}.
 */
@Controller
@ConditionalOnBooleanProperty("fieldguide.lab.enabled")
class OneByOneGraphQlFixture {

  private final OrderGraphReads reads;

  OneByOneGraphQlFixture(OrderGraphReads reads) {
    this.reads = reads;
  }

  @SchemaMapping(typeName = "Order", field = "linesOneByOne")
  List<LineRow> linesOneByOne(OrderRow order) {
    return reads.linesOf(List.of(order.id()));
  }

  @SchemaMapping(typeName = "OrderLine", field = "productOneByOne")
  ProductRow productOneByOne(LineRow line) {
    ProductRow product = reads.products(List.of(line.productId())).get(line.productId());
    if (product == null) { // the foreign key rules it out
      throw new NotFoundException("product", line.productId());
    }
    return product;
  }
}
