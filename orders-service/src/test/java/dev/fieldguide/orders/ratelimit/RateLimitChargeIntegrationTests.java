package dev.fieldguide.orders.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.support.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.LinkedMultiValueMap;

/**
 * R4 with A3: a GraphQL query pays its whole cost from the bucket the limiter admitted it from,
 * all or nothing, before any field runs. Driven through Spring for GraphQL's handler with the
 * charge the limiter would have left, on a bucket that does not refill, so every token shows.
 */
@IntegrationTest
class RateLimitChargeIntegrationTests {

  private static final RateLimitPolicy POLICY = new RateLimitPolicy("charge", List.of(), 12,
      0.001);
  /** Weighted complexity 1 + 100 x (1 + 4) = 501: 6 tokens at 100 per token. */
  private static final String PAGE = "{ orders(first: 100) { items { id status totalCents createdAt } } }";

  @Autowired
  TokenBucket buckets;

  @Autowired
  WebGraphQlHandler graphQl;

  @Autowired
  MeterRegistry meters;

  @Test
  void aQueryTakesTheRestOfItsCostAndIsRefusedWholeWhenTheBucketHoldsLess() {
    String bucket = "fieldguide:ratelimit:charge:" + UUID.randomUUID();
    var response = new MockHttpServletResponse();
    var charge = new RateLimitCharge(tokens -> Optional.of(buckets.take(bucket, POLICY, tokens)),
        POLICY, response, meters.counter("fieldguide.ratelimit.rejected", "policy", "charge"));

    var first = execute(charge);
    long afterFirst = remaining(bucket);
    var second = execute(charge);
    long afterSecond = remaining(bucket);
    var third = execute(charge);

    // The limiter's first token is not taken here: each query takes the other 5 of its 6.
    assertThat(first.getErrors()).isEmpty();
    assertThat(second.getErrors()).isEmpty();
    assertThat(afterFirst).isEqualTo(12 - 5);
    assertThat(afterSecond).isEqualTo(12 - 10);
    assertThat(third.getErrors()).singleElement().satisfies(error -> {
      assertThat(error.getExtensions()).containsEntry("code", "RATE_LIMITED");
      assertThat(error.getErrorType().toString()).isEqualTo("TOO_MANY_REQUESTS");
      assertThat(error.getMessage()).startsWith("Rate limit 'charge' exceeded: this query costs 6");
    });
    assertThat(third.getExecutionResult().<Object>getData()).as("no field ran").isNull();
    assertThat(remaining(bucket)).as("a refusal takes nothing").isEqualTo(2);
    assertThat(response.getHeader("Retry-After")).isNotBlank();
    assertThat(response.getHeader("RateLimit")).startsWith("\"charge\";r=2;");
  }

  /** What is left in {@code bucket}: taking 0 tokens reads it. */
  private long remaining(String bucket) {
    return buckets.take(bucket, POLICY, 0).remaining();
  }

  private WebGraphQlResponse execute(RateLimitCharge charge) {
    var request = new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(),
        new LinkedMultiValueMap<>(), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
        Map.of(RateLimitCharge.ATTRIBUTE, charge),
        Map.of("query", PAGE), UUID.randomUUID().toString(), Locale.ROOT);
    return Objects.requireNonNull(graphQl.handleRequest(request).block(Duration.ofSeconds(30)));
  }
}
