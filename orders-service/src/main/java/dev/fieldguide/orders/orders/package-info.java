/**
 * Orders: customers, orders and their lines, read without N+1.
 *
 * <p>Serves {@code GET /api/v1/orders/{id}}: one statement fetches the order with its customer,
 * lines and products. The list endpoint, keyset pagination and the v2 contract (D1, D2, D7, D8,
 * PG3) build on these entities.
 *
 * @see dev.fieldguide.orders.orders.OrderApiIntegrationTests
 */
@NullMarked
package dev.fieldguide.orders.orders;

import org.jspecify.annotations.NullMarked;
