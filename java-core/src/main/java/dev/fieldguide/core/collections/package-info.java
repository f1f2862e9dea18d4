/**
 * P1 — list, tuple, set, dict: which one when?
 *
 * <p>{@code ArrayList} for an ordered sequence you grow and sort, a record (or {@code List.of}) for a
 * fixed immutable value such as a composite map key, {@code HashSet} for uniqueness and constant-time
 * membership, {@code HashMap}/{@code LinkedHashMap} with {@code Map.merge} for grouping and totals.
 *
 * @see dev.fieldguide.core.collections.SalesLedgerTests
 */
@NullMarked
package dev.fieldguide.core.collections;

import org.jspecify.annotations.NullMarked;
