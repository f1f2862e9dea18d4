package dev.fieldguide.core.streams;

import static java.util.function.Predicate.not;

import com.google.errorprone.annotations.MustBeClosed;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The Java form of the seed's {@code parse_lines(fp)} generator: the non-blank lines of a reader
 * or file, read one at a time as the consumer asks for them.
 *
 * <p>Lines come without their line terminator, like {@code line.rstrip("\n")}.
 */
final class NonBlankLines {

  private NonBlankLines() {}

  /** Reads from {@code reader} only as far as the consumer pulls; the caller owns the reader. */
  static Stream<String> of(BufferedReader reader) {
    return reader.lines().filter(not(String::isBlank));
  }

  /**
   * The stream holds the file open until it is closed, so callers open it in try-with-resources
   * (Error Prone enforces that at every call site).
   */
  @MustBeClosed
  static Stream<String> of(Path file) {
    try {
      return Files.lines(file).filter(not(String::isBlank));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
