package dev.fieldguide.orders.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * C3's schedule without a scheduler: windows double from the first delay up to the cap, and the
 * jitter takes at most its share of a window, drawn from a random the test controls.
 */
class RetryPolicyTests {

  private static final RetryPolicy ONE_SECOND_DOUBLING = new RetryPolicy(10,
      Duration.ofSeconds(1), Duration.ofMinutes(1), 0.5);

  @Test
  void windowsDoubleFromTheFirstDelay() {
    assertThat(IntStream.rangeClosed(2, 7).mapToObj(ONE_SECOND_DOUBLING::window).toList())
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
            Duration.ofSeconds(8), Duration.ofSeconds(16), Duration.ofSeconds(32));
  }

  @Test
  void windowsStopAtTheCap() {
    assertThat(ONE_SECOND_DOUBLING.window(8)).isEqualTo(Duration.ofMinutes(1));
    assertThat(ONE_SECOND_DOUBLING.window(9)).isEqualTo(Duration.ofMinutes(1));
    assertThat(RetryPolicy.DEFAULT.window(1_000)).as("no overflow far past the cap")
        .isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void aWindowThatReachesTheCapExactlyIsTheCap() {
    var policy = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(4), 0);

    assertThat(policy.window(4)).isEqualTo(Duration.ofSeconds(4));
    assertThat(policy.window(5)).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void theDelayIsTheWholeWindowWhenTheDrawIsZero() {
    assertThat(drawing(ONE_SECOND_DOUBLING, always(0.0)).delayBefore(4))
        .isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void theDelayLosesAtMostTheJitterShareOfItsWindow() {
    assertThat(drawing(ONE_SECOND_DOUBLING, always(0.999_999)).delayBefore(4))
        .isEqualTo(Duration.ofMillis(2_001));
    var fullJitter = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofMinutes(1), 1.0);
    assertThat(drawing(fullJitter, always(0.25)).delayBefore(4)).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void seededDelaysStayInTheUpperHalfAndVary() {
    RetryPolicy seeded = drawing(ONE_SECOND_DOUBLING, new Random(19));

    List<Long> delays = IntStream.range(0, 200)
        .mapToObj(i -> seeded.delayBefore(5).toMillis()).toList();

    assertThat(delays).allSatisfy(delay -> assertThat(delay).isBetween(4_000L, 8_000L));
    assertThat(delays.stream().distinct().count()).as("jittered, not one fixed delay")
        .isGreaterThan(100);
  }

  @Test
  void noJitterIsTheWindowItself() {
    var exact = new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(10), 0);

    assertThat(drawing(exact, new Random(1)).delayBefore(3)).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void aZeroFirstDelayRetriesAtOnceEveryTime() {
    var immediate = new RetryPolicy(3, Duration.ZERO, Duration.ofSeconds(5), 1.0);

    assertThat(immediate.window(2)).isZero();
    assertThat(immediate.window(3)).isZero();
  }

  @Test
  void noRetryIsOneAttempt() {
    assertThat(RetryPolicy.NO_RETRY.maxAttempts()).isEqualTo(1);
  }

  @Test
  void theEdgesOfAValidPolicyAreAccepted() {
    Duration second = Duration.ofSeconds(1);

    assertThat(new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 0).maxAttempts()).isEqualTo(1);
    assertThat(new RetryPolicy(2, second, second, 1).jitter()).isEqualTo(1);
  }

  @Test
  void aPolicyThatCannotBeFollowedIsRefused() {
    Duration second = Duration.ofSeconds(1);
    assertThatIllegalArgumentException().isThrownBy(() -> new RetryPolicy(0, second, second, 0));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new RetryPolicy(3, second, second, -0.1));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new RetryPolicy(3, second, second, 1.1));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new RetryPolicy(3, second.negated(), second, 0));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new RetryPolicy(3, second, Duration.ofMillis(999), 0));
  }

  /** {@code policy} with its jitter's share drawn from {@code random}. */
  private static RetryPolicy drawing(RetryPolicy policy, RandomGenerator random) {
    return policy.withTiming(new RetryPolicy.Timing(Clock.systemUTC(), random::nextDouble));
  }

  /** A "random" that always draws {@code value}. */
  private static RandomGenerator always(double value) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        throw new UnsupportedOperationException("only nextDouble is drawn");
      }

      @Override
      public double nextDouble() {
        return value;
      }
    };
  }
}
