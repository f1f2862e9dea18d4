/**
 * D7 — products listed through indexes only: JSONB containment on a GIN index, full-text search on
 * the name, keyset on id.
 *
 * <p>Serves {@code GET /api/v1/products} and {@code GET /api/v1/products/{id}}, the latter
 * cache-aside through {@code ProductCache} (R1: single-flight loads across instances,
 * jittered TTLs, fail-open to PostgreSQL). The JSONB/index topics (PG2, PG5) build on it.
 *
 * <p>PG5 — JSONB when and how: attributes live in {@code jsonb} behind a GIN index while price,
 * stock and SKU stay constrained columns; {@code ProductAttributesSchema} checks every attribute
 * write against a JSON Schema.
 *
 * @see dev.fieldguide.orders.catalog.ProductListIntegrationTests
 * @see dev.fieldguide.orders.catalog.ProductAttributesIntegrationTests
 * @see dev.fieldguide.orders.catalog.ProductCacheIntegrationTests
 */
@ApplicationModule(displayName = "catalog (R1, D7, PG2, PG5)", allowedDependencies = {"db",
    "errors", "productviews", "redis", "web"})
@NullMarked
package dev.fieldguide.orders.catalog;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
