/**
 * Gatling simulations, one per pattern under load, each with its SLOs and its invariant checked
 * afterwards through the service's API; they target {@code $FIELDGUIDE_URL} (run by
 * {@code ./load}, see docs/load-testing.md).
 */
@NullMarked
package dev.fieldguide.load;

import org.jspecify.annotations.NullMarked;
