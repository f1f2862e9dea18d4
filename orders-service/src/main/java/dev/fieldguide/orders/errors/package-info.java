/**
 * A5 — how domain code says "no" without knowing HTTP.
 *
 * <p>Services throw a {@link dev.fieldguide.orders.errors.DomainException}: a kind (invalid,
 * forbidden, not found, conflict, unavailable), a stable machine code, a sentence and the fields at
 * fault; the web layer alone maps the kind to a status and writes the problem+json body.
 *
 * <p>Two refusals come from the database rather than from a rule: {@code TransactionConflict}, a
 * transaction that lost its race (deadlock, serialization failure) on every attempt it had, and
 * {@code SqlStates}, which reads what PostgreSQL said from a failure however it was wrapped.
 *
 * @see dev.fieldguide.orders.web.ErrorModelIntegrationTests
 * @see dev.fieldguide.orders.errors.OnlyTheWebLayerNamesStatusesTests
 */
@ApplicationModule(displayName = "errors (A5)", allowedDependencies = {})
@NullMarked
package dev.fieldguide.orders.errors;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
