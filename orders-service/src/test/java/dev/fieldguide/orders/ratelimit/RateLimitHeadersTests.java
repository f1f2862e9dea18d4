package dev.fieldguide.orders.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * One bucket decision written as both header sets: the IETF draft's {@code RateLimit-Policy} and
 * {@code RateLimit}, and the {@code X-RateLimit-*} trio, with resets in whole seconds rounded up.
 */
class RateLimitHeadersTests {

  private static final RateLimitPolicy ORDERS = new RateLimitPolicy("orders",
      List.of("/api/v1/orders/**"), 20, 2.0);

  @Test
  void writesTheDraftFieldsAndTheXRateLimitTrioFromOneDecision() {
    var response = new MockHttpServletResponse();

    RateLimitHeaders.write(response, ORDERS, new TokenBucket.Decision(true, 17, 0, 1_500));

    assertThat(response.getHeader("RateLimit-Policy")).isEqualTo("\"orders\";q=20;w=10");
    assertThat(response.getHeader("RateLimit")).isEqualTo("\"orders\";r=17;t=2");
    assertThat(response.getHeader("X-RateLimit-Limit")).isEqualTo("20");
    assertThat(response.getHeader("X-RateLimit-Remaining")).isEqualTo("17");
    assertThat(response.getHeader("X-RateLimit-Reset")).isEqualTo("2");
  }

  @Test
  void anEmptyBucketSaysNoneRemainAndWhenItIsFull() {
    var response = new MockHttpServletResponse();

    RateLimitHeaders.write(response, ORDERS, new TokenBucket.Decision(false, 0, 500, 10_000));

    assertThat(response.getHeader("RateLimit")).isEqualTo("\"orders\";r=0;t=10");
    assertThat(response.getHeader("X-RateLimit-Remaining")).isEqualTo("0");
    assertThat(response.getHeader("X-RateLimit-Reset")).isEqualTo("10");
  }

  @Test
  void theWindowIsTheTimeAnEmptyBucketTakesToFillRoundedUp() {
    var slow = new RateLimitPolicy("slow", List.of("/x"), 10, 3.0);
    var response = new MockHttpServletResponse();

    RateLimitHeaders.write(response, slow, new TokenBucket.Decision(true, 9, 0, 334));

    assertThat(response.getHeader("RateLimit-Policy")).isEqualTo("\"slow\";q=10;w=4");
  }

  @ParameterizedTest(name = "{0} ms -> {1} s")
  @CsvSource({"0, 0", "1, 1", "999, 1", "1000, 1", "1001, 2", "59999, 60"})
  void resetsAreWholeSecondsRoundedUp(long millis, long seconds) {
    assertThat(RateLimitHeaders.seconds(millis)).isEqualTo(seconds);
  }
}
