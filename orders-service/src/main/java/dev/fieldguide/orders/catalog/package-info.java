/**
 * Catalog: products with relational price and stock plus flexible JSONB attributes.
 *
 * <p>Serves {@code GET /api/v1/products/{id}}. Later topics add cache-aside with stampede
 * protection (R1), JSONB containment and full-text search (PG2, PG5) here.
 *
 * @see dev.fieldguide.orders.catalog.ProductApiIntegrationTests
 */
@NullMarked
package dev.fieldguide.orders.catalog;

import org.jspecify.annotations.NullMarked;
