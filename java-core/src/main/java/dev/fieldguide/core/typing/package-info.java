/**
 * P7 — typing that matters: contracts the compiler checks before anything runs.
 *
 * <p>Java's types are checked by {@code javac} itself, not a separate mypy pass: generics with
 * wildcards type higher-order functions, a sealed interface makes a {@code switch} over its cases
 * exhaustive, and JSpecify's {@code @NullMarked} plus NullAway (run by Error Prone in this build)
 * turn a possible null dereference into a compile error.
 *
 * @see dev.fieldguide.core.typing.TypedFunctionsTests
 * @see dev.fieldguide.core.typing.CompileTimeContractsTests
 */
@NullMarked
package dev.fieldguide.core.typing;

import org.jspecify.annotations.NullMarked;
