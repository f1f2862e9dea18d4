package dev.fieldguide.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FetchPolicyTests {

  private static final int SAMPLES = 1_000;

  private final FetchPolicy policy = new FetchPolicy(
      Duration.ofSeconds(1),
      Duration.ofSeconds(1),
      5,
      Duration.ofMillis(100),
      Duration.ofSeconds(10));

  @Test
  void backoffDoublesPerAttemptWithinJitterBounds() {
    IntervalFunction backoff = policy.backoff();

    for (int attempt = 1; attempt <= 4; attempt++) {
      long mean = 100L << (attempt - 1); // 100, 200, 400, 800 ms
      List<Long> waits = sample(backoff, attempt);

      assertThat(waits)
          .as("attempt %d waits around %d ms, ±50%%", attempt, mean)
          .allSatisfy(wait -> assertThat(wait).isBetween(mean / 2, mean * 3 / 2 + 1));
    }
  }

  @Test
  void backoffIsJitteredNotFixed() {
    assertThat(sample(policy.backoff(), 2).stream().distinct().count())
        .as("a thousand waits for the same attempt are not all the same")
        .isGreaterThan(10);
  }

  @Test
  void backoffNeverExceedsTheCap() {
    var capped = new FetchPolicy(
        Duration.ofSeconds(1), Duration.ofSeconds(1), 20, Duration.ofMillis(100),
        Duration.ofSeconds(1));

    assertThat(sample(capped.backoff(), 15)).allSatisfy(wait -> assertThat(wait).isEqualTo(1_000));
  }

  @Test
  void rejectsZeroAttempts() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> new FetchPolicy(
                Duration.ofSeconds(1), Duration.ofSeconds(1), 0, Duration.ZERO, Duration.ZERO))
        .withMessageContaining("maxAttempts");
  }

  private static List<Long> sample(IntervalFunction backoff, int attempt) {
    return IntStream.range(0, SAMPLES).mapToObj(i -> backoff.apply(attempt)).toList();
  }
}
