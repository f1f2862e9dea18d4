/**
 * D5 — the customer hears about a placed order once, however often its event arrives.
 *
 * <p>{@code NotificationConsumer} reads {@code OrderPlaced} from the stream through the outbox's
 * idempotent inbox, so the notification row, the webhook deliveries ({@code OrderWebhooks}: the
 * {@code order.placed} payload subscribers receive) and the "processed" mark commit together; a
 * row stands in for the e-mail.
 *
 * @see dev.fieldguide.orders.notifications.NotificationConsumerIntegrationTests
 */
@ApplicationModule(displayName = "notifications (D5)", allowedDependencies = {"orders", "outbox",
    "webhooks"})
@NullMarked
package dev.fieldguide.orders.notifications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
