/**
 * A5 — how domain code says "no" without knowing HTTP.
 *
 * <p>Services throw a {@link dev.fieldguide.orders.errors.DomainException}: a kind (invalid,
 * forbidden, not found, conflict, unavailable), a stable machine code, a sentence and the fields at
 * fault; the web layer alone maps the kind to a status and writes the problem+json body.
 *
 * @see dev.fieldguide.orders.web.ErrorModelIntegrationTests
 * @see dev.fieldguide.orders.errors.OnlyTheWebLayerNamesStatusesTests
 */
@ApplicationModule(displayName = "errors (A5)", allowedDependencies = {})
@NullMarked
package dev.fieldguide.orders.errors;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
