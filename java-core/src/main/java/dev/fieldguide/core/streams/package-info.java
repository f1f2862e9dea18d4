/**
 * P5 — generators: streaming a large file through a lazy pipeline in bounded memory.
 *
 * <p>{@code Files.lines} in try-with-resources, filtered and mapped, is a lazy pull pipeline like
 * a chain of Python generators; a hand-written {@code Iterator} shows what that laziness is, and
 * {@code Gatherers.windowFixed}/{@code windowSliding} add batches and moving windows.
 *
 * @see dev.fieldguide.core.streams.LargeFileInSmallHeapTests
 * @see dev.fieldguide.core.streams.NonBlankLinesTests
 * @see dev.fieldguide.core.streams.NonBlankLineIteratorTests
 * @see dev.fieldguide.core.streams.WindowsTests
 */
@NullMarked
package dev.fieldguide.core.streams;

import org.jspecify.annotations.NullMarked;
