/**
 * P9 — performance basics: pick the right built-in structure, avoid quadratic loops, stream
 * instead of materialising, and measure before optimising.
 *
 * <p>Each naive variant sits next to its fix: {@code HashSet} instead of {@code List} membership,
 * a {@code HashMap} index instead of a nested loop, {@code String.join}/{@code StringBuilder}
 * instead of {@code +=} in a loop, a streamed sum instead of a list; tests count the work (key
 * comparisons, bytes allocated), JMH benchmarks time it, JFR shows where the time goes.
 *
 * @see dev.fieldguide.core.performance.MembershipTests
 * @see dev.fieldguide.core.performance.MatchByKeyTests
 * @see dev.fieldguide.core.performance.ConcatenationTests
 * @see dev.fieldguide.core.performance.AmountSumsTests
 */
@NullMarked
package dev.fieldguide.core.performance;

import org.jspecify.annotations.NullMarked;
