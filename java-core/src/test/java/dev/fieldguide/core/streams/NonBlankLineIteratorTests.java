package dev.fieldguide.core.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.LineNumberReader;
import java.io.StringReader;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class NonBlankLineIteratorTests {

  @Test
  void yieldsNonBlankLinesWithoutLineEndsThenStops() {
    var lines = new NonBlankLineIterator(
        new BufferedReader(new StringReader("\nfirst\n \t \nsecond\r\n\n")));

    assertThat(lines).toIterable().containsExactly("first", "second");
    assertThatThrownBy(lines::next).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void readsEachLineOnlyWhenTheNextElementIsAskedFor() {
    var reader = new LineNumberReader(new StringReader("\nfirst\n\n\nsecond\nthird\n"));

    var lines = new NonBlankLineIterator(reader);
    assertThat(reader.getLineNumber()).isZero();

    assertThat(lines.next()).isEqualTo("first");
    assertThat(reader.getLineNumber()).isEqualTo(2);

    assertThat(lines.hasNext()).isTrue();
    assertThat(reader.getLineNumber()).isEqualTo(5);
    assertThat(lines.next()).isEqualTo("second");
    assertThat(reader.getLineNumber()).isEqualTo(5);
  }

  @Test
  void composesAsALazyStream() {
    var reader = new LineNumberReader(new StringReader("a\n\nb\n\nc\n\nd\n"));

    var firstTwo = NonBlankLineIterator.stream(reader).map(String::toUpperCase).limit(2).toList();

    assertThat(firstTwo).containsExactly("A", "B");
    assertThat(reader.getLineNumber()).isEqualTo(3);
  }
}
