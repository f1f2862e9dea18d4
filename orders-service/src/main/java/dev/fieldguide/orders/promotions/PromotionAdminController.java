package dev.fieldguide.orders.promotions;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.http.HttpStatus;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator action: {@code POST /admin/products/{id}/promotions}; 409 when the period overlaps
 * another promotion of the product. Behind {@code fieldguide.admin.enabled}.
 */
@RestController
@ConditionalOnBooleanProperty("fieldguide.admin.enabled")
class PromotionAdminController {

  private final Promotions promotions;

  PromotionAdminController(Promotions promotions) {
    this.promotions = promotions;
  }

  @PostMapping("/admin/products/{productId}/promotions")
  @ResponseStatus(HttpStatus.CREATED) // what the document says; the ResponseEntity sets it
  @Operation(summary = "Start a promotion on a product")
  ResponseEntity<Promotion> create(@PathVariable long productId,
      @Valid @RequestBody NewPromotion request) {
    Promotion created = promotions.create(productId, request);
    return ResponseEntity
        .created(URI.create("/api/v1/products/" + productId + "/promotion")).body(created);
  }
}
