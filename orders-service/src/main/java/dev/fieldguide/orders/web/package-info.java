/**
 * A5 — the error model, plus what every API response shares.
 *
 * <p>Every error is RFC 9457 {@code application/problem+json} with a stable {@code code} and the
 * {@code traceId} to quote in a support ticket; nothing internal leaves the service. Every response
 * carries {@code X-Request-ID}; list pages use signed keyset cursors; reads get strong ETags (D7);
 * deprecated APIs announce their sunset (D8).
 *
 * @see dev.fieldguide.orders.web.ErrorModelIntegrationTests
 */
@ApplicationModule(displayName = "web (A5, D8)", allowedDependencies = {"errors"})
@NullMarked
package dev.fieldguide.orders.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
