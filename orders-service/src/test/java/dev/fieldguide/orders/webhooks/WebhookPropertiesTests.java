package dev.fieldguide.orders.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldguide.orders.jobs.RetryPolicy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The delivery settings as the service binds them, and the retry schedule they make: attempt n
 * fails, the next waits first-retry x 2^(n-1), capped, minus a jitter share a test can pin.
 */
class WebhookPropertiesTests {

  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  /** nextDouble() is 0: no jitter taken, every wait is its whole window. */
  private static final RandomGenerator NO_JITTER = () -> 0L;
  /** nextDouble() is just under 1: the whole jitter share taken. */
  private static final RandomGenerator FULL_JITTER = () -> -1L;

  @Test
  void withNothingSetNoEndpointIsCalledAndAttemptsGetTwoAndFiveSecondsAndEightTries() {
    WebhookProperties defaults = bind(Map.of());

    assertThat(defaults.endpoints()).isEmpty();
    assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(defaults.readTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(defaults.maxAttempts()).isEqualTo(8);
    assertThat(defaults.jitter()).isEqualTo(0.5);
  }

  @Test
  void theDefaultScheduleDoublesFromOneMinuteUpToTheOneHourCap() {
    RetryPolicy policy = bind(Map.of()).retryPolicy();
    RetryPolicy retries = policy.withTiming(timing(NO_JITTER));
    RetryPolicy fullJitter = policy.withTiming(timing(FULL_JITTER));

    assertThat(IntStream.rangeClosed(2, 8).mapToObj(retries::delayBefore))
        .containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
            Duration.ofMinutes(8), Duration.ofMinutes(16), Duration.ofMinutes(32),
            Duration.ofHours(1));
    // Jitter 0.5 takes up to half of each window, never more: the gaps still double.
    assertThat(fullJitter.delayBefore(2)).isBetween(Duration.ofSeconds(30),
        Duration.ofSeconds(31));
    assertThat(fullJitter.delayBefore(8)).isBetween(Duration.ofMinutes(30),
        Duration.ofSeconds(1801));
  }

  @Test
  void endpointsBindByNameAndNeverShowTheirSecret() {
    WebhookProperties bound = bind(Map.of("fieldguide.webhooks.endpoints[0].name", "crm",
        "fieldguide.webhooks.endpoints[0].url", "https://crm.example/hooks",
        "fieldguide.webhooks.endpoints[0].secret", SECRET));

    assertThat(bound.endpoints()).singleElement().satisfies(endpoint -> {
      assertThat(endpoint.url()).isEqualTo(URI.create("https://crm.example/hooks"));
      assertThat(endpoint.toString()).contains("crm").doesNotContain(SECRET);
    });
  }

  @Test
  void aLeaseThatOneAttemptCanOutlastIsRefused() {
    assertThatThrownBy(() -> bind(Map.of("fieldguide.webhooks.claim-lease", "6s")))
        .rootCause().isInstanceOf(IllegalArgumentException.class) // 2 s connect + 5 s answer
        .hasMessageContaining("claim-lease must outlast one attempt");
  }

  @Test
  void twoEndpointsOfOneNameAreRefused() {
    var endpoint = new WebhookProperties.Endpoint("crm", URI.create("https://a.example"), SECRET);

    assertThatIllegalArgumentException().isThrownBy(() -> new WebhookProperties(
        List.of(endpoint, endpoint), Duration.ofSeconds(1), Duration.ofSeconds(1), 3,
        Duration.ofSeconds(1), Duration.ofSeconds(4), 0, 10, Duration.ofSeconds(10)))
        .withMessageContaining("distinct names");
  }

  private static WebhookProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("fieldguide.webhooks", WebhookProperties.class);
  }

  private static RetryPolicy.Timing timing(RandomGenerator share) {
    return new RetryPolicy.Timing(Clock.systemUTC(), share::nextDouble);
  }
}
