package dev.fieldguide.core.streams;

import static java.util.function.Predicate.not;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LongSummaryStatistics;

/**
 * Counts and sums an order file (CSV, the amount in the last column) two ways, so a test can run
 * both in the same small heap: streamed, memory stays flat whatever the file size; materialised,
 * the whole file must fit in the heap.
 *
 * <p>Run it: {@code java -Xmx32m -cp java-core/target/classes
 * dev.fieldguide.core.streams.FileTotals streamed orders.csv}
 */
public final class FileTotals {

  private FileTotals() {}

  /** The generator pipeline: one line in memory at a time. */
  static LongSummaryStatistics streamed(Path file) {
    try (var lines = NonBlankLines.of(file)) {
      return lines.mapToLong(FileTotals::amount).summaryStatistics();
    }
  }

  /** Naive variant: reads every line into a list first, as {@code fp.readlines()} would. */
  static LongSummaryStatistics materialisedNaive(Path file) throws IOException {
    return Files.readAllLines(file).stream().filter(not(String::isBlank))
        .mapToLong(FileTotals::amount).summaryStatistics();
  }

  private static long amount(String line) {
    return Long.parseLong(line, line.lastIndexOf(',') + 1, line.length(), 10);
  }

  /** Prints {@code lines=<count> sum=<total>}; the first argument picks the variant. */
  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[1]);
    var totals = switch (args[0]) {
      case "streamed" -> streamed(file);
      case "materialised" -> materialisedNaive(file);
      default -> throw new IllegalArgumentException("streamed or materialised, not " + args[0]);
    };
    System.out.println("lines=" + totals.getCount() + " sum=" + totals.getSum());
  }
}
