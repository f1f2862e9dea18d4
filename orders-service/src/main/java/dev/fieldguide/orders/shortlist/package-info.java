/**
 * R5 — sessions in Redis: a product shortlist held in the HTTP session, stored by Spring Session.
 *
 * <p>Sessions are shared state that every instance must see and that may be lost without harm,
 * so Redis holds them (one hash per session under {@code fieldguide:session}, each with a TTL);
 * only the shortlist endpoints create them.
 *
 * @see dev.fieldguide.orders.shortlist.ShortlistSessionIntegrationTests
 */
@ApplicationModule(displayName = "shortlist (R5)", allowedDependencies = {"catalog", "errors"})
@NullMarked
package dev.fieldguide.orders.shortlist;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
