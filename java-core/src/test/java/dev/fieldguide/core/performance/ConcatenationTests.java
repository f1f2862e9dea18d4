package dev.fieldguide.core.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * P9: {@code +=} in a loop re-copies the text built so far on every step. The proof is the bytes
 * the thread allocates, a quadratic sum for the loop and about the final length for the others.
 */
class ConcatenationTests {

  private static final List<String> IDS = IntStream.range(0, 2_000)
      .mapToObj(i -> "customer-%04d".formatted(i)).toList();

  @Test
  void allVariantsJoinTheSame() {
    List<List<String>> cases = List.of(IDS, List.of(), List.of("one"), List.of("", "b", ""));
    for (var parts : cases) {
      String expected = String.join(", ", parts);
      assertThat(Concatenation.joinNaive(parts, ", ")).isEqualTo(expected);
      assertThat(Concatenation.joinWithBuilder(parts, ", ")).isEqualTo(expected);
      assertThat(Concatenation.join(parts, ", ")).isEqualTo(expected);
    }
  }

  @Test
  void loopConcatenationAllocatesFarMoreThanABuilderOrJoin() {
    long finalLength = Concatenation.join(IDS, ", ").length();

    long naive = AllocatedBytes.of(() -> Concatenation.joinNaive(IDS, ", "));
    long builder = AllocatedBytes.of(() -> Concatenation.joinWithBuilder(IDS, ", "));
    long join = AllocatedBytes.of(() -> Concatenation.join(IDS, ", "));

    // 2,000 steps each copying the text so far: about finalLength × 2,000 / 2 bytes.
    assertThat(naive).isGreaterThan(500 * finalLength);
    assertThat(builder).isLessThan(10 * finalLength);
    assertThat(join).isLessThan(10 * finalLength);
  }
}
