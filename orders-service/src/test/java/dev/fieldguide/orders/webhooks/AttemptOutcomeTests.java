package dev.fieldguide.orders.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.webhooks.AttemptOutcome.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which answers deliver, which are worth another attempt, which are final; and Retry-After. */
class AttemptOutcomeTests {

  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

  @ParameterizedTest
  @ValueSource(ints = {200, 201, 202, 204, 299})
  void anyTwoHundredIsDelivered(int status) {
    assertThat(AttemptOutcome.ofResponse(status, null, NOW).kind()).isEqualTo(Kind.DELIVERED);
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 429, 500, 502, 503, 504, 599})
  void timeoutsThrottlingAndServerErrorsAreRetried(int status) {
    assertThat(AttemptOutcome.ofResponse(status, null, NOW).kind()).isEqualTo(Kind.RETRYABLE);
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 307, 400, 401, 403, 404, 405, 409, 410, 413, 422})
  void redirectsAndOtherClientErrorsAreFinal(int status) {
    AttemptOutcome outcome = AttemptOutcome.ofResponse(status, "5", NOW);

    assertThat(outcome.kind()).isEqualTo(Kind.PERMANENT);
    assertThat(outcome.detail()).isEqualTo("HTTP " + status);
    assertThat(outcome.retryAfter()).isEmpty();
  }

  @Test
  void noAnswerAtAllIsRetried() {
    for (IOException cause : new IOException[]{new HttpTimeoutException("request timed out"),
        new ConnectException("Connection refused"), new IOException("Connection reset")}) {
      AttemptOutcome outcome = AttemptOutcome.ofNoResponse(cause);
      assertThat(outcome.kind()).isEqualTo(Kind.RETRYABLE);
      assertThat(outcome.detail()).startsWith(cause.getClass().getSimpleName() + ": ");
    }
  }

  @Test
  void retryAfterInSecondsIsTheWaitTheSubscriberAskedFor() {
    AttemptOutcome outcome = AttemptOutcome.ofResponse(429, "30", NOW);

    assertThat(outcome.retryAfter()).contains(Duration.ofSeconds(30));
    assertThat(outcome.detail()).isEqualTo("HTTP 429, Retry-After 30 s");
  }

  @Test
  void retryAfterAsAnHttpDateIsTheTimeUntilThen() {
    assertThat(AttemptOutcome.retryAfter("Fri, 01 May 2026 10:02:00 GMT", NOW))
        .contains(Duration.ofMinutes(2));
    assertThat(AttemptOutcome.retryAfter("Fri, 01 May 2026 09:00:00 GMT", NOW))
        .contains(Duration.ZERO);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "soon", "-5", "1.5", "99999999999999999999999"})
  void anUnreadableRetryAfterLeavesTheWaitToTheBackoff(String value) {
    assertThat(AttemptOutcome.retryAfter(value, NOW)).isEmpty();
  }
}
