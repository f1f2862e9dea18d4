package dev.fieldguide.orders.catalog;

import dev.fieldguide.orders.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Version 1 of the product resource. */
@RestController
@RequestMapping("/api/v1/products")
class ProductController {

  private final ProductRepository products;

  ProductController(ProductRepository products) {
    this.products = products;
  }

  @GetMapping("/{id}")
  ProductResponse product(@PathVariable long id) {
    return products.findById(id)
        .map(ProductResponse::of)
        .orElseThrow(() -> new NotFoundException("product", id));
  }
}
