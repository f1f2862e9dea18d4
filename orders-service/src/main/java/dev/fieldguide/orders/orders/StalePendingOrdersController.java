package dev.fieldguide.orders.orders;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator list: {@code GET /admin/orders/stale-pending?idleHours=24&limit=50}. Behind {@code
 * fieldguide.admin.enabled} like the other {@code /admin/**} endpoints.
 */
@RestController
@ConditionalOnBooleanProperty("fieldguide.admin.enabled")
class StalePendingOrdersController {

  private final StalePendingOrders stalePending;

  StalePendingOrdersController(StalePendingOrders stalePending) {
    this.stalePending = stalePending;
  }

  @GetMapping("/admin/orders/stale-pending")
  @Operation(summary = "Orders pending longer than they should be")
  List<StalePendingOrders.StalePendingOrder> list(
      @RequestParam(defaultValue = "24") @Min(1) @Max(8760) int idleHours,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
    return stalePending.find(Duration.ofHours(idleHours), limit);
  }
}
