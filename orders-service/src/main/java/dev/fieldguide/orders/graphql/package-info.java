/**
 * A3 — REST vs GraphQL, and how GraphQL resolvers avoid N+1.
 *
 * <p>{@code POST /graphql} serves the same orders as {@code GET /api/v1/orders} with the client
 * choosing the fields; the root field reads one keyset page of orders, and each association
 * ({@code Order.customer}, {@code Order.lines}, {@code OrderLine.product}) is a
 * {@code @BatchMapping} that loads a whole level in one statement, so a page of 50 orders with
 * customers, lines and products costs 4 statements, like a page of 10. Depth, weighted
 * complexity and root-field limits refuse abusive queries before they run, and a query pays its
 * cost in rate-limit tokens; errors carry a classification and the REST error {@code code}.
 *
 * @see dev.fieldguide.orders.graphql.OrderGraphQlBatchingIntegrationTests
 * @see dev.fieldguide.orders.graphql.OrderGraphQlErrorsIntegrationTests
 */
@ApplicationModule(displayName = "graphql (A3)", allowedDependencies = {"errors", "orders",
    "ratelimit", "security", "web"})
@NullMarked
package dev.fieldguide.orders.graphql;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
