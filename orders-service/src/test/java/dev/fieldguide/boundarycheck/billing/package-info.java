/** Declares that it needs no other module, then uses the warehouse's published type anyway. */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package dev.fieldguide.boundarycheck.billing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
