package dev.fieldguide.orders.catalog;

import dev.fieldguide.orders.errors.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes a product and announces it, so the cache is invalidated once the change is durable. */
@Service
class ProductEditing {

  private final ProductRepository products;
  private final ApplicationEventPublisher events;
  private final ProductAttributesSchema attributesSchema;

  ProductEditing(ProductRepository products, ApplicationEventPublisher events,
      ProductAttributesSchema attributesSchema) {
    this.products = products;
    this.events = events;
    this.attributesSchema = attributesSchema;
  }

  /** Applies the edit; attributes that break the JSON Schema are a 400 and nothing is written. */
  @Transactional
  ProductResponse edit(long id, ProductEdit edit) {
    if (edit.attributes() != null) {
      attributesSchema.check(edit.attributes()); // PG5: before any read or write
    }
    Product product = products.findById(id)
        .orElseThrow(() -> new NotFoundException("product", id));
    product.apply(edit);
    products.flush(); // a constraint violation surfaces here, inside the transaction
    events.publishEvent(new Product.ProductChanged(id));
    return ProductResponse.of(product);
  }
}
