/**
 * P8 — dataclass versus NamedTuple versus Pydantic.
 *
 * <p>A plain class with setters is the mutable dataclass, a record is the immutable NamedTuple with
 * value equality for free, and a record with Jakarta Validation constraints, read by Jackson, is
 * the Pydantic model: untrusted JSON becomes a typed value or a list of per-field messages.
 *
 * @see dev.fieldguide.core.values.ValueKindsTests
 * @see dev.fieldguide.core.values.ValidatedJsonTests
 */
@NullMarked
package dev.fieldguide.core.values;

import org.jspecify.annotations.NullMarked;
