package dev.fieldguide.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.TestClock;
import dev.fieldguide.orders.support.TestData;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The lab page's live strip reads this instance's meters: the requests between two readings,
 * without the page's own, their p99 bucket and error ratio, the cache's hit ratio and the pool.
 */
@IntegrationTest
class LiveStripIntegrationTests {

  @Autowired
  Api api;

  @Autowired
  TestData data;

  @Test
  void countsTheServicesRequestsAndCacheHitsSinceTheLastReadingButNotThePagesOwn(
      TestClock clock) {
    long product = data.productWithStock(100, 1);
    clock.freeze();
    freshReading(clock);
    clock.advance(Duration.ofSeconds(2));

    for (int read = 0; read < 10; read++) {
      assertThat(api.anonymous().get("/api/v1/products/" + product).status()).isEqualTo(200);
    }
    for (int read = 0; read < 5; read++) {
      api.get("/lab/topics");
    }
    JsonNode reading = api.get("/lab/live").jsonBody();

    assertThat(reading.path("seconds").asDouble()).isEqualTo(2.0);
    // 10 reads in 2 s; with the page's 5 requests counted it would be 7.5.
    assertThat(reading.path("requestsPerSecond").asDouble()).isCloseTo(5.0, within(1.0));
    assertThat(reading.path("errorRatio").asDouble()).isZero();
    assertThat(reading.path("p99Millis").asDouble()).isPositive();
    // The first read missed and loaded, the other nine hit.
    assertThat(reading.path("cacheHitRatio").asDouble()).isCloseTo(0.9, within(0.05));
    assertThat(reading.path("poolUsage").asDouble()).isBetween(0.0, 1.0);
  }

  @Test
  void readsTheMetersAtMostOnceASecond(TestClock clock) {
    clock.freeze();
    String first = freshReading(clock).path("at").asString();

    clock.advance(Duration.ofMillis(900));
    String within = api.get("/lab/live").jsonBody().path("at").asString();
    clock.advance(Duration.ofMillis(100));
    String after = api.get("/lab/live").jsonBody().path("at").asString();

    assertThat(within).isEqualTo(first);
    assertThat(after).isNotEqualTo(first);
  }

  /**
   * Reads the strip twice, a second apart on the frozen clock, so the second reading is a fresh
   * sample and the baseline of the next. The strip reuses a reading less than a second old, and
   * the first may be one another test took just before (a reading that spanned 2.795 s instead of
   * the test's 2, in CI).
   */
  private JsonNode freshReading(TestClock clock) {
    api.get("/lab/live");
    clock.advance(LiveStrip.INTERVAL);
    return api.get("/lab/live").jsonBody();
  }
}
