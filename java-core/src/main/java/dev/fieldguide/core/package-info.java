/**
 * P1–P10 — Python core questions answered in plain Java 25.
 *
 * <p>Each topic gets its own sub-package with a topic card like this one; the module has no Spring,
 * so every example can be read and run on its own.
 */
@NullMarked
package dev.fieldguide.core;

import org.jspecify.annotations.NullMarked;
