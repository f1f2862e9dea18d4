/**
 * D5 — the customer hears about a placed order once, however often its event arrives.
 *
 * <p>{@code NotificationConsumer} reads {@code OrderPlaced} from the stream through the outbox's
 * idempotent inbox, so the notification row, the webhook deliveries ({@code OrderWebhooks}: the
 * {@code order.placed} payload subscribers receive) and the "processed" mark commit together; a
 * row stands in for the e-mail. {@code GET /api/v2/orders/{id}/notifications} reads the rows back
 * for the order's customer ({@code OrderNotifications}): empty until the worker has consumed the
 * event, then one message.
 *
 * @see dev.fieldguide.orders.notifications.NotificationConsumerIntegrationTests
 * @see dev.fieldguide.orders.notifications.OrderNotificationsIntegrationTests
 */
@ApplicationModule(displayName = "notifications (D5)", allowedDependencies = {"errors", "orders",
    "outbox", "security", "webhooks"})
@NullMarked
package dev.fieldguide.orders.notifications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
