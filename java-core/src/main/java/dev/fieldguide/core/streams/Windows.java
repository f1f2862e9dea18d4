package dev.fieldguide.core.streams;

import java.util.List;
import java.util.stream.Gatherers;
import java.util.stream.Stream;

/**
 * Windows over a stream with Stream Gatherers (final in Java 24): what a Python pipeline does
 * with {@code itertools.batched} or a {@code deque(maxlen=n)}, without leaving the lazy stream.
 */
final class Windows {

  private Windows() {}

  /**
   * Groups elements into lists of {@code size} (the last one may be shorter), e.g. rows for one
   * bulk insert each; only one batch is held at a time.
   */
  static <T> Stream<List<T>> batches(Stream<T> elements, int size) {
    return elements.gather(Gatherers.windowFixed(size));
  }

  /** The average of each run of {@code size} consecutive values, sliding by one. */
  static Stream<Double> movingAverage(Stream<? extends Number> values, int size) {
    return values.gather(Gatherers.<Number>windowSliding(size))
        .map(window -> window.stream().mapToDouble(Number::doubleValue).average().orElseThrow());
  }
}
