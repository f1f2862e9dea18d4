package dev.fieldguide.core.streams;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * The same generator written by hand, to show what "lazy" means: a line is read from the reader
 * only when the consumer asks for the next element, and nothing is read ahead of it.
 *
 * <p>Where Python's {@code yield} keeps the loop's position for free, an iterator keeps it in a
 * field ({@link #pending}).
 */
final class NonBlankLineIterator implements Iterator<String> {

  private final BufferedReader reader;
  private @Nullable String pending;

  NonBlankLineIterator(BufferedReader reader) {
    this.reader = reader;
  }

  /** Wraps the iterator as a sequential stream, so it composes with map, filter and gather. */
  static Stream<String> stream(BufferedReader reader) {
    var spliterator = Spliterators.spliteratorUnknownSize(new NonBlankLineIterator(reader),
        Spliterator.ORDERED | Spliterator.NONNULL);
    return StreamSupport.stream(spliterator, false);
  }

  @Override
  public boolean hasNext() {
    while (pending == null) {
      String line = readLine();
      if (line == null) {
        return false;
      }
      if (!line.isBlank()) {
        pending = line;
      }
    }
    return true;
  }

  @Override
  public String next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    String line = Objects.requireNonNull(pending, "hasNext() has just filled it");
    pending = null;
    return line;
  }

  private @Nullable String readLine() {
    try {
      return reader.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
