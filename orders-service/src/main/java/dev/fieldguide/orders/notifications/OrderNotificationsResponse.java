package dev.fieldguide.orders.notifications;

import java.time.Instant;
import java.util.List;

/** The body of {@code GET /api/v2/orders/{id}/notifications}: what was sent, oldest first. */
record OrderNotificationsResponse(long orderId, List<Notification> notifications) {

  /** One message sent to the customer about the order. */
  record Notification(long id, String message, Instant sentAt) {}
}
