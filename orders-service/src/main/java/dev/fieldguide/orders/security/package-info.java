/**
 * A4 and D6 — who may call the API and what the browser is told: a JWT resource server (RS256
 * keys chosen by {@code kid} from a key-set file re-read on change, expiry, issuer, audience,
 * claims), roles per route, CSRF for the one cookie session, security headers, CORS and Host
 * allowlists, HTTPS behind trusted proxies, and a dev token issuer that is off in prod.
 *
 * <p>Function-level rules live in {@link dev.fieldguide.orders.security.AccessRules} (401 without
 * a valid token, 403 without the role); object-level rules live with the resource
 * ({@code orders.OrderAccess}: someone else's order is a 404). The gRPC stock service checks the
 * same tokens ({@code GrpcTokenAuthentication}). Refusals and admin actions go to the audit log.
 *
 * @see dev.fieldguide.orders.security.SecurityMatrixIntegrationTests
 * @see dev.fieldguide.orders.security.TokenVerificationIntegrationTests
 * @see dev.fieldguide.orders.security.SecuritySettingsIntegrationTests
 */
@ApplicationModule(displayName = "security (A4, D6)", allowedDependencies = {"audit", "errors",
    "web"})
@NullMarked
package dev.fieldguide.orders.security;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
