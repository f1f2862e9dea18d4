/**
 * A5 — the error model, plus request basics every endpoint shares.
 *
 * <p>Every error is RFC 9457 {@code application/problem+json} with a stable {@code code} and the
 * {@code traceId} to quote in a support ticket; nothing internal (class names, SQL, stack traces)
 * leaves the service. Every response carries {@code X-Request-ID}.
 *
 * @see dev.fieldguide.orders.web.ErrorModelIntegrationTests
 */
@NullMarked
package dev.fieldguide.orders.web;

import org.jspecify.annotations.NullMarked;
