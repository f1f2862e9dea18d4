/**
 * A4 — the audit log: every admin action, and every refused authentication or authorization,
 * recorded as who, what, when, outcome and request id in an append-only table.
 *
 * <p>Rows are written in their own transaction ({@code REQUIRES_NEW}): an admin request that
 * fails and rolls back still leaves its audit row, and so does a request refused before it
 * reached any controller. The table refuses UPDATE, DELETE and TRUNCATE with triggers (V20), so
 * the history cannot be rewritten through the application's own connection. Operators read it
 * at {@code GET /admin/audit}.
 *
 * @see dev.fieldguide.orders.security.AuditLogIntegrationTests
 */
@ApplicationModule(displayName = "audit (A4)", allowedDependencies = {"web"})
@NullMarked
package dev.fieldguide.orders.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
