package dev.fieldguide.core.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.LineNumberReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NonBlankLinesTests {

  @Test
  void skipsBlankLinesAndDropsLineEnds(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("lines.txt"), "first\n\n   \r\nsecond\r\nthird");

    try (var lines = NonBlankLines.of(file)) {
      assertThat(lines).containsExactly("first", "second", "third");
    }
  }

  @Test
  void readsAndMapsOnlyTheLinesTheConsumerTakes() {
    // 100,000 lines, every other one blank: line 2k+1 holds "order-k".
    String text = IntStream.range(0, 50_000).mapToObj(i -> "order-" + i + "\n\n")
        .collect(Collectors.joining());
    var reader = new LineNumberReader(new StringReader(text));
    var mapped = new AtomicInteger();

    var firstThree = NonBlankLines.of(reader).map(line -> {
      mapped.incrementAndGet();
      return line.toUpperCase(Locale.ROOT);
    }).limit(3).toList();

    assertThat(firstThree).containsExactly("ORDER-0", "ORDER-1", "ORDER-2");
    assertThat(mapped).hasValue(3);
    // The third kept line is line 5; nothing after it was read.
    assertThat(reader.getLineNumber()).isEqualTo(5);
  }
}
