/**
 * PG2, GiST — product promotions whose validity periods may never overlap, enforced by the
 * database.
 *
 * <p>An exclusion constraint ({@code EXCLUDE USING gist (product_id WITH =, valid_during WITH &&)},
 * V18) rejects the second of two overlapping promotions even when both are inserted at the same
 * moment by two instances: no check-then-insert race. Its GiST index also answers "the promotion of
 * this product now" ({@code valid_during @> now()}). An overlap is a 409 problem.
 *
 * @see dev.fieldguide.orders.promotions.PromotionsIntegrationTests
 */
@ApplicationModule(displayName = "promotions (PG2)", allowedDependencies = {"errors", "web"})
@NullMarked
package dev.fieldguide.orders.promotions;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
