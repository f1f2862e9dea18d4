package dev.fieldguide.orders.notifications;

import dev.fieldguide.orders.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v2/orders/{id}/notifications}: what the worker told the customer about the
 * order. The consumer's effect, visible through the API: empty right after the order is placed,
 * one message once its {@code OrderPlaced} event has been consumed. Only in v2: v1 of the order
 * resource is deprecated and gains no new sub-resources.
 */
@RestController
class OrderNotificationsController {

  private final OrderNotifications notifications;

  OrderNotificationsController(OrderNotifications notifications) {
    this.notifications = notifications;
  }

  @GetMapping("/api/v2/orders/{id}/notifications")
  @Operation(summary = "List the notifications sent about an order")
  OrderNotificationsResponse list(@PathVariable long id) {
    return notifications.of(id, Caller.current());
  }
}
