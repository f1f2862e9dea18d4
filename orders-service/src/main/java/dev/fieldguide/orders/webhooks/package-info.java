/**
 * T3 — mocking HTTP: how is a real outbound HTTP dependency made reliable and tested? Order
 * events reach subscribers as signed webhooks (Standard Webhooks 1.0: {@code webhook-id},
 * {@code webhook-timestamp}, {@code webhook-signature: v1,<HMAC-SHA256>}), at least once, and the
 * tests run them against a real HTTP server that misbehaves on cue (WireMock), not a mocked client.
 *
 * <p>A delivery is a row written in the transaction of the consumer that reacted to the event
 * ({@code WebhookDeliveries}); a worker ({@code WebhookDispatcher}, on its own polling loop) claims
 * due rows with {@code FOR UPDATE SKIP LOCKED} as a lease, sends each with {@code RestClient} on
 * the JDK client with connect and read timeouts, and records the outcome: delivered on a 2xx,
 * retried with capped exponential backoff and jitter ({@code jobs.RetryPolicy}) or the subscriber's
 * {@code Retry-After} on timeouts, I/O errors, 408, 429 and 5xx, dead at once on any other answer
 * and after {@code max-attempts}. Every attempt carries the event id as {@code Idempotency-Key}.
 *
 * @see dev.fieldguide.orders.webhooks.WebhookDeliveryIntegrationTests
 * @see dev.fieldguide.orders.webhooks.WebhookSignatureTests
 * @see dev.fieldguide.orders.webhooks.AttemptOutcomeTests
 */
@ApplicationModule(displayName = "webhooks (T3)", allowedDependencies = {"jobs", "outbox"})
@NullMarked
package dev.fieldguide.orders.webhooks;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
