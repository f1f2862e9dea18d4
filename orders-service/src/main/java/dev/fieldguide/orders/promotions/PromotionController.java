package dev.fieldguide.orders.promotions;

import io.swagger.v3.oas.annotations.Operation;
import dev.fieldguide.orders.errors.NotFoundException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Reads the promotion in force; creating one is an operator action, {@link PromotionAdminController}. */
@RestController
class PromotionController {

  private final Promotions promotions;
  private final Clock clock;

  PromotionController(Promotions promotions, Clock clock) {
    this.promotions = promotions;
    this.clock = clock;
  }

  /** The product's promotion in force now; 404 when there is none. */
  @GetMapping("/api/v1/products/{productId}/promotion")
  @Operation(summary = "The promotion in force on a product")
  Promotion inForce(@PathVariable long productId) {
    return promotions.inForce(productId, OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)))
        .orElseThrow(() -> new NotFoundException("promotion of product", productId));
  }
}
