/**
 * P2 — shallow versus deep copy, and the pitfall between them.
 *
 * <p>A copy constructor or {@code List.copyOf} copies the top level only, so nested mutable objects
 * stay shared and a change through one copy shows in the other; a deep copy copies each level; and
 * values made of records and unmodifiable lists need no copying at all.
 *
 * @see dev.fieldguide.core.copying.NestedCopiesTests
 */
@NullMarked
package dev.fieldguide.core.copying;

import org.jspecify.annotations.NullMarked;
