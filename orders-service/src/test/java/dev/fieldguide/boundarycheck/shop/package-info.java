/** May use the warehouse, and reaches past its published type into its internals. */
@ApplicationModule(allowedDependencies = "warehouse")
@NullMarked
package dev.fieldguide.boundarycheck.shop;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
