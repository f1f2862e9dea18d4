/**
 * D1, D2, D7, D8, A1, PG2, PG3 — orders read without N+1, paged by keyset, in two API versions.
 *
 * <p>The list costs two statements per page (to-one {@code join fetch}, collections by a second
 * {@code IN} query), pages on {@code (created_at, id)} behind signed cursors, offers a four-column
 * record projection, and is served as v1 (deprecated, cents) and v2 (money as amount + currency),
 * with a percentage rollout of a one-statement candidate path. PG2: operators' stale-pending list
 * reads a partial index that holds only NEW orders. D4/D9: the {@code Order} aggregate owns its
 * lines, computes its total with checked arithmetic, guards its status transitions and announces
 * {@code OrderPlaced} when the placement saves it.
 *
 * @see dev.fieldguide.orders.orders.OrderListNPlusOneIntegrationTests
 * @see dev.fieldguide.orders.orders.OrderListKeysetIntegrationTests
 * @see dev.fieldguide.orders.orders.OrderApiContractIntegrationTests
 * @see dev.fieldguide.orders.orders.StalePendingOrdersIntegrationTests
 * @see dev.fieldguide.orders.orders.OrderTests
 * @see dev.fieldguide.orders.orders.PlaceOrderIntegrationTests
 */
@ApplicationModule(displayName = "orders (D1, D2, D4, D8, PG3)", allowedDependencies = {"catalog",
    "db", "errors", "outbox", "security", "web"})
@NullMarked
package dev.fieldguide.orders.orders;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
