package dev.fieldguide.core.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class WindowsTests {

  @Test
  void batchesIntoFixedWindowsWithAShorterLastOne() {
    assertThat(Windows.batches(Stream.of(1, 2, 3, 4, 5, 6, 7), 3))
        .containsExactly(List.of(1, 2, 3), List.of(4, 5, 6), List.of(7));
  }

  @Test
  void feedsABulkInsertOneBatchOfLinesAtATime() {
    String text = IntStream.range(0, 2_500).mapToObj(i -> "row-" + i + "\n\n")
        .collect(Collectors.joining());
    List<Integer> insertedBatchSizes = new ArrayList<>();

    Windows.batches(NonBlankLines.of(new BufferedReader(new StringReader(text))), 1_000)
        .forEach(rows -> insertedBatchSizes.add(rows.size()));

    assertThat(insertedBatchSizes).containsExactly(1_000, 1_000, 500);
  }

  @Test
  void pullsOnlyTheElementsOfTheBatchesTaken() {
    var pulled = new AtomicInteger();
    var source = IntStream.range(0, 100_000).boxed().peek(i -> pulled.incrementAndGet());

    var firstTwo = Windows.batches(source, 100).limit(2).toList();

    assertThat(firstTwo).hasSize(2);
    assertThat(pulled).hasValue(200);
  }

  @Test
  void movingAverageSlidesOneValueAtATime() {
    assertThat(Windows.movingAverage(Stream.of(1, 2, 3, 4, 5, 9), 3))
        .containsExactly(2.0, 3.0, 4.0, 6.0);
  }
}
