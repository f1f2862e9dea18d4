package dev.fieldguide.orders.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tests that {@link SeededRandomTests} runs on a launcher of its own. The name matches no test
 * pattern of the build, so they never run by themselves (one of them fails on purpose).
 */
final class SeededRandomExamples {

  /** What each example drew, by test method. */
  static final Map<String, List<Long>> DRAWS = new ConcurrentHashMap<>();

  private SeededRandomExamples() {}

  @ExtendWith(SeededRandom.class)
  static class Draws {

    private long drawnBeforeEach;

    @BeforeEach
    void setUp(RandomGenerator random) {
      drawnBeforeEach = random.nextLong();
    }

    @Test
    void first(RandomGenerator random) {
      DRAWS.put("first", List.of(drawnBeforeEach, random.nextLong(), random.nextLong()));
    }

    @Test
    void second(RandomGenerator random) {
      DRAWS.put("second", List.of(drawnBeforeEach, random.nextLong(), random.nextLong()));
    }
  }

  @ExtendWith(SeededRandom.class)
  static class FailsAfterDrawing {

    @Test
    void fails(RandomGenerator random) {
      throw new AssertionError("the test's own failure, after drawing " + random.nextInt());
    }
  }
}
