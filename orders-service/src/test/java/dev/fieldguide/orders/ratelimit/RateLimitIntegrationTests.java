package dev.fieldguide.orders.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.fixtures.Concurrently;
import dev.fieldguide.fixtures.wrongway.NonAtomicTokenBucket;
import dev.fieldguide.orders.security.DevTokenIssuer;
import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.TestData;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.UnreachableRedis;
import dev.fieldguide.orders.support.SecondInstance;
import dev.fieldguide.orders.web.ProblemResponseWriter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** R4: a burst gets exactly the capacity, on one instance or two, with the headers and 429s. */
@IntegrationTest
class RateLimitIntegrationTests {

  private static final String EXACT = "/api/lab/limited/exact"; // capacity 20, ~no refill
  private static final int CAPACITY = 20;
  private static final RateLimitPolicy POLICY = new RateLimitPolicy("unit", List.of("/api/x"),
      CAPACITY, 0.001);

  @Autowired
  Api api;

  @Autowired
  SecondInstance secondInstance;

  @Autowired
  RedissonClient redisson;

  @Autowired
  TokenBucket buckets;

  @Autowired
  MeterRegistry meters;

  @Autowired
  DevTokenIssuer tokens;

  @Autowired
  TestData data;

  @Autowired
  ProblemResponseWriter problems;

  @Test
  void aBurstAgainstALimitLetsExactlyTheLimitThrough() throws Exception {
    String client = UUID.randomUUID().toString();
    double rejectedBefore = rejected();

    List<Api.Response> responses = burst(60, i -> api.anonymous(), client);

    assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(CAPACITY);
    assertThat(responses).filteredOn(r -> r.status() == 429).hasSize(60 - CAPACITY)
        .allSatisfy(tooMany -> {
          assertThat(tooMany.header("Retry-After")).isNotBlank();
          assertThat(Long.parseLong(tooMany.header("Retry-After"))).isPositive();
          assertThat(tooMany.header("Content-Type")).startsWith("application/problem+json");
          assertThat(tooMany.jsonBody().path("status").asInt()).isEqualTo(429);
          assertThat(tooMany.jsonBody().path("code").asString()).isEqualTo("RATE_LIMITED");
        });
    assertThat(rejected() - rejectedBefore).isEqualTo(60 - CAPACITY);
  }

  @Test
  void theLimitHoldsForRequestsSplitAcrossTwoInstances() throws Exception {
    String client = UUID.randomUUID().toString();
    Api first = api.anonymous();
    Api second = first.at(secondInstance.base());

    List<Api.Response> responses = burst(60, i -> i % 2 == 0 ? first : second, client);

    assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(CAPACITY);
  }

  @Test
  void responsesCarryTheDraftHeadersAndTheXRateLimitOnes() {
    var response = api.anonymous().get(EXACT, Map.of("X-API-Key", UUID.randomUUID().toString()));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("RateLimit-Policy")).isEqualTo("\"test-exact\";q=20;w=20000");
    assertThat(response.header("RateLimit")).startsWith("\"test-exact\";r=19;t=");
    assertThat(response.header("X-RateLimit-Limit")).isEqualTo("20");
    assertThat(response.header("X-RateLimit-Remaining")).isEqualTo("19");
    assertThat(Long.parseLong(response.header("X-RateLimit-Reset"))).isBetween(990L, 1000L);
  }

  @Test
  void eachClientHasItsOwnBucket() throws Exception {
    String greedy = UUID.randomUUID().toString();
    burst(CAPACITY + 5, i -> api.anonymous(), greedy);

    var other = api.anonymous().get(EXACT, Map.of("X-API-Key", UUID.randomUUID().toString()));
    var greedyAgain = api.anonymous().get(EXACT, Map.of("X-API-Key", greedy));

    assertThat(other.status()).isEqualTo(200);
    assertThat(greedyAgain.status()).isEqualTo(429);
  }

  @Test
  void anAuthenticatedCallerHasOneBucketWhateverKeyItSends() throws Exception {
    Api greedy = api.as(tokens.customer(data.customer()));
    Api neighbour = api.as(tokens.customer(data.customer()));

    List<Api.Response> responses = burst(CAPACITY + 5, i -> greedy,
        UUID.randomUUID().toString());
    // A fresh API key would escape a per-key limit, not a per-caller one.
    var greedyWithNewKey = greedy.get(EXACT, Map.of("X-API-Key", UUID.randomUUID().toString()));
    var neighbourSameKey = neighbour.get(EXACT, Map.of("X-API-Key", "shared-key"));

    assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(CAPACITY);
    assertThat(greedyWithNewKey.status()).isEqualTo(429);
    assertThat(neighbourSameKey.status()).as("its own bucket").isEqualTo(200);
  }

  @Test
  void theLuaBucketGrantsExactlyTheCapacityToTwoHundredConcurrentTakes() throws Exception {
    long granted = concurrentTakes(200, buckets::take);

    assertThat(granted).isEqualTo(CAPACITY);
  }

  @Test
  void aReadModifyWriteBucketOverGrantsUnderTheSameLoad() throws Exception {
    var nonAtomic = new NonAtomicTokenBucket(redisson);

    long granted = concurrentTakes(200, nonAtomic::take);

    assertThat(granted).as("tokens granted from a bucket of " + CAPACITY)
        .isGreaterThan(CAPACITY);
  }

  @Test
  void withRedisUnreachableRequestsPassAndTheOutageIsCounted() throws Exception {
    RedissonClient unreachable = UnreachableRedis.client();
    try {
      var localMeters = new SimpleMeterRegistry();
      var filter = new RateLimitFilter(new TokenBucket(unreachable),
          new RateLimitProperties(true, "X-API-Key", Map.of(POLICY.name(),
              new RateLimitProperties.Limit(POLICY.paths(), POLICY.capacity(),
                  POLICY.refillPerSecond()))),
          problems, localMeters);
      var chain = new MockFilterChain();
      var response = new MockHttpServletResponse();

      filter.doFilter(new MockHttpServletRequest("GET", "/api/x"), response, chain);

      assertThat(chain.getRequest()).as("passed on to the application").isNotNull();
      assertThat(response.getStatus()).isEqualTo(200);
      assertThat(localMeters.counter("fieldguide.ratelimit.unavailable").count()).isEqualTo(1);
    } finally {
      unreachable.shutdown();
    }
  }

  private double rejected() {
    return meters.counter("fieldguide.ratelimit.rejected", "policy", "test-exact").count();
  }

  /** {@code requests} concurrent GETs of the exact-limit route, all as one API client. */
  private static List<Api.Response> burst(int requests, IntFunction<Api> target,
      String client) throws Exception {
    return Concurrently.run(requests, i -> () -> target.apply(i).get(EXACT,
        Map.of("X-API-Key", client)));
  }

  private static long concurrentTakes(int takes,
      BiFunction<String, RateLimitPolicy, TokenBucket.Decision> take) throws Exception {
    String bucket = "fieldguide:ratelimit:unit:" + UUID.randomUUID();
    return Concurrently.run(takes, i -> () -> take.apply(bucket, POLICY)).stream()
        .filter(TokenBucket.Decision::allowed).count();
  }
}
