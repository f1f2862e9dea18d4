/**
 * T2 — how is the REST API described, and what stops a change from breaking its clients?
 *
 * <p>An OpenAPI 3.1 document generated from the controllers by springdoc (Swagger UI beside it,
 * both off in prod), completed by the modules that own each rule: the problem responses and
 * pagination ({@code web}), who may call ({@code security}), the {@code Idempotency-Key} header
 * ({@code idempotency}) and the rate-limit headers ({@code ratelimit}). The generated document is
 * committed as {@code docs/api/openapi.json}; a test fails when the running API and the file
 * differ, and another when the file breaks the last released contract without a new major version.
 *
 * @see dev.fieldguide.orders.apidocs.OpenApiContractIntegrationTests
 * @see dev.fieldguide.orders.apidocs.ReleasedContractTests
 */
@ApplicationModule(displayName = "apidocs (T2)", allowedDependencies = {})
@NullMarked
package dev.fieldguide.orders.apidocs;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
