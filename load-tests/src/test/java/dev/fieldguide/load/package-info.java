/** Gatling simulations, one per endpoint family; they target {@code $FIELDGUIDE_URL}. */
@NullMarked
package dev.fieldguide.load;

import org.jspecify.annotations.NullMarked;
