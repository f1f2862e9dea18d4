/** A deliberately broken modular application: the boundary check's proof that it can fail. */
@NullMarked
package dev.fieldguide.boundarycheck;

import org.jspecify.annotations.NullMarked;
