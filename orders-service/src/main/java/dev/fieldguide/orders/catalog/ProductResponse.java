package dev.fieldguide.orders.catalog;

import java.util.Map;

/** The product as the API shows it (DESIGN §6): money stays integer cents. */
public record ProductResponse(long id, String sku, String name, long priceCents,
    Map<String, Object> attributes) {

  public static ProductResponse of(Product product) {
    return new ProductResponse(product.getId(), product.getSku(), product.getName(),
        product.getPriceCents(), product.getAttributes());
  }
}
