/**
 * P3 — how the GIL shapes design, and what changes in Java.
 *
 * <p>The JVM has no global interpreter lock: platform threads run CPU work on all cores at once
 * (fork/join and parallel streams package that), virtual threads make blocking I/O cheap enough to
 * give every call its own thread, and a single shared lock is what it takes to bring a GIL back.
 *
 * @see dev.fieldguide.core.concurrency.NoGilTests
 * @see dev.fieldguide.core.concurrency.BlockingFanOutTests
 */
@NullMarked
package dev.fieldguide.core.concurrency;

import org.jspecify.annotations.NullMarked;
