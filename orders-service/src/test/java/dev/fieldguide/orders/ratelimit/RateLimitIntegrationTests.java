package dev.fieldguide.orders.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.fixtures.Concurrently;
import dev.fieldguide.fixtures.wrongway.NonAtomicTokenBucket;
import dev.fieldguide.orders.audit.AuditLog;
import dev.fieldguide.orders.security.DevTokenIssuer;
import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.TestData;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.UnreachableRedis;
import dev.fieldguide.orders.support.SecondInstance;
import dev.fieldguide.orders.web.ProblemResponseWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * R4: a burst gets exactly the capacity, on one instance or two, with the headers and 429s; a
 * client is its token's subject, its registered key's owner or its address, and none of the three
 * can be invented: an unregistered key is a 401 charged to the sender's address, and an untrusted
 * {@code X-Forwarded-For} does not move a client to another bucket.
 */
@IntegrationTest
class RateLimitIntegrationTests {

  private static final String EXACT = "/api/lab/limited/exact"; // capacity 20, ~no refill
  private static final String BUCKETS = "fieldguide:ratelimit:test-exact:";
  private static final String KEY = "X-API-Key";
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

  @Autowired
  ApiKeys keys;

  @Autowired
  AuditLog audit;

  @Test
  void aBurstAgainstALimitLetsExactlyTheLimitThrough() throws Exception {
    String client = newKey();
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
  void eachAdmittedRequestCostsOneRedisCommandAndRefusalsAfterTheFirstNone() {
    Counter calls = meters.counter("fieldguide.ratelimit.redis.calls", "policy", "test-exact");
    double before = calls.count();
    String client = newKey();

    // One after another, so no two requests race for the same call.
    List<Integer> statuses = IntStream.range(0, 60)
        .mapToObj(i -> api.anonymous().get(EXACT, Map.of(KEY, client)).status()).toList();

    assertThat(statuses).containsSubsequence(200, 429).filteredOn(s -> s == 200)
        .hasSize(CAPACITY);
    // The policy is under 100 tokens, so nothing is leased; the first refusal is remembered until
    // its Retry-After (TokenLeases).
    assertThat(calls.count() - before).as("EVALSHA calls for 60 requests")
        .isEqualTo(CAPACITY + 1);
  }

  @Test
  void theLimitHoldsForRequestsSplitAcrossTwoInstances() throws Exception {
    String client = newKey();
    Api first = api.anonymous();
    Api second = first.at(secondInstance.base());

    List<Api.Response> responses = burst(60, i -> i % 2 == 0 ? first : second, client);

    assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(CAPACITY);
  }

  @Test
  void responsesCarryTheDraftHeadersAndTheXRateLimitOnes() {
    var response = api.anonymous().get(EXACT, Map.of(KEY, newKey()));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("RateLimit-Policy")).isEqualTo("\"test-exact\";q=20;w=20000");
    assertThat(response.header("RateLimit")).startsWith("\"test-exact\";r=19;t=");
    assertThat(response.header("X-RateLimit-Limit")).isEqualTo("20");
    assertThat(response.header("X-RateLimit-Remaining")).isEqualTo("19");
    assertThat(Long.parseLong(response.header("X-RateLimit-Reset"))).isBetween(990L, 1000L);
  }

  @Test
  void eachKeyOwnerHasItsOwnBucketAndTheOwnersKeysShareIt() throws Exception {
    String owner = "owner-" + UUID.randomUUID();
    String greedy = keys.issue(owner, null, "test").key();
    String sameOwner = keys.issue(owner, null, "test").key();
    burst(CAPACITY + 5, i -> api.anonymous(), greedy);

    var other = api.anonymous().get(EXACT, Map.of(KEY, newKey()));
    var greedyAgain = api.anonymous().get(EXACT, Map.of(KEY, greedy));
    var greedysOtherKey = api.anonymous().get(EXACT, Map.of(KEY, sameOwner));

    assertThat(other.status()).isEqualTo(200);
    assertThat(greedyAgain.status()).isEqualTo(429);
    assertThat(greedysOtherKey.status()).as("one owner, one bucket").isEqualTo(429);
  }

  @Test
  void anAuthenticatedCallerHasOneBucketWhateverKeyItSends() throws Exception {
    Api greedy = api.as(tokens.customer(data.customer()));
    Api neighbour = api.as(tokens.customer(data.customer()));
    String someonesKey = newKey();

    List<Api.Response> responses = Concurrently.run(CAPACITY + 5, i -> () -> greedy.get(EXACT));
    // Another owner's key would be another bucket; a token's subject outranks it.
    var greedyWithAKey = greedy.get(EXACT, Map.of(KEY, someonesKey));
    var neighbourWithTheSameKey = neighbour.get(EXACT, Map.of(KEY, someonesKey));

    assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(CAPACITY);
    assertThat(greedyWithAKey.status()).isEqualTo(429);
    assertThat(neighbourWithTheSameKey.status()).as("its own bucket").isEqualTo(200);
  }

  @Test
  void inventedKeysAreRefusedAndSpendTheSendersAddressBudget() {
    Client sender = new Client(11); // a fresh address: a bucket of its own
    String revoked = newKey();
    keys.revoke(keys.verify(revoked).orElseThrow().id());
    List<String> invented = new ArrayList<>(List.of("not-a-key", "", revoked));
    while (invented.size() < CAPACITY) {
      invented.add("fgk_" + "A".repeat(39) + String.format("%04d", invented.size()));
    }

    List<HttpResponse<String>> refused = invented.stream()
        .map(key -> sender.get(EXACT, Map.of(KEY, key))).toList();
    var keyless = sender.get(EXACT, Map.of());
    var yetAnotherKey = sender.get(EXACT, Map.of(KEY, "fgk_" + "B".repeat(43)));

    assertThat(refused).allSatisfy(response -> {
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(response.body()).contains("\"code\":\"INVALID_API_KEY\"");
      assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
          challenge -> assertThat(challenge).startsWith("ApiKey error=\"invalid_token\""));
    });
    assertThat(keyless.statusCode()).as("the invented keys spent the address's bucket")
        .isEqualTo(429);
    assertThat(yetAnotherKey.statusCode()).isEqualTo(429);
    assertThat(audit.latest(null, 50)).anySatisfy(event -> assertThat(event.reason())
        .isEqualTo("API key not registered, revoked or malformed"));
  }

  @Test
  void onlyATrustedProxyCanNameTheClientAddress(RandomGenerator random) {
    Client direct = new Client(12); // not in server.tomcat.remoteip.internal-proxies
    String forged = "203.0.113." + random.nextInt(1, 255);

    for (int i = 0; i < CAPACITY; i++) {
      direct.get(EXACT, Map.of("X-Forwarded-For", "198.51.100." + i));
    }
    var anotherForgedAddress = direct.get(EXACT, Map.of("X-Forwarded-For", forged));
    var viaTrustedProxy = api.anonymous().get(EXACT, Map.of("X-Forwarded-For", forged));

    assertThat(anotherForgedAddress.statusCode()).as("still the connection's bucket")
        .isEqualTo(429);
    assertThat(viaTrustedProxy.status()).isEqualTo(200);
    assertThat(redisson.getKeys().countExists(BUCKETS + "ip:127.0.0.12", BUCKETS + "ip:" + forged))
        .as("one bucket by the untrusted connection's address, one by the trusted proxy's word")
        .isEqualTo(2);
  }

  @Test
  void anIpv6ClientIsOneClientAcrossItsSlash64(RandomGenerator random) {
    Api viaTrustedProxy = api.anonymous();
    String network = "2001:db8:%x:%x:".formatted(random.nextInt(0xffff),
        random.nextInt(0xffff));

    for (int i = 1; i <= CAPACITY; i++) {
      viaTrustedProxy.get(EXACT, Map.of("X-Forwarded-For", network + ":" + Integer.toHexString(i)));
    }
    var sameNetwork = viaTrustedProxy.get(EXACT,
        Map.of("X-Forwarded-For", network + "ffff:ffff:ffff:ffff"));
    var nextNetwork = viaTrustedProxy.get(EXACT,
        Map.of("X-Forwarded-For", network.replace("2001:db8:", "2001:db9:") + ":1"));

    assertThat(sameNetwork.status()).as("another address of the same /64").isEqualTo(429);
    assertThat(nextNetwork.status()).isEqualTo(200);
  }

  @Test
  void aCustomerAndAnAdminTokenWithOneSubjectAreTwoClients() {
    long customer = data.customer();
    Api asCustomer = api.as(tokens.customer(customer));
    Api asAdmin = api.as(tokens.admin("customer-" + customer));

    Concurrently.run(CAPACITY + 1, i -> () -> asCustomer.get(EXACT));

    assertThat(asCustomer.get(EXACT).status()).isEqualTo(429);
    assertThat(asAdmin.get(EXACT).status()).as("a bucket of its own").isEqualTo(200);
  }

  @Test
  void aKeysOwnPolicyReplacesThePathsPolicy() {
    String exact = keys.issue("owner-" + UUID.randomUUID(), "test-exact", "test").key();

    var response = api.anonymous().get("/api/lab/ping", Map.of(KEY, exact));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("RateLimit-Policy")).startsWith("\"test-exact\";");
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
      var filter = new RateLimitFilter(new TokenBucket(unreachable, localMeters), keys,
          new RateLimitProperties(true, KEY, Map.of(POLICY.name(),
              new RateLimitProperties.Limit(POLICY.paths(), POLICY.capacity(),
                  POLICY.refillPerSecond()))),
          problems, audit, localMeters);
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

  /** A newly registered key of a new owner, under the policy of each request's path. */
  private String newKey() {
    return keys.issue("owner-" + UUID.randomUUID(), null, "test").key();
  }

  /** {@code requests} concurrent GETs of the exact-limit route, all with one API key. */
  private static List<Api.Response> burst(int requests, IntFunction<Api> target,
      String key) {
    return Concurrently.run(requests, i -> () -> target.apply(i).get(EXACT, Map.of(KEY, key)));
  }

  private static long concurrentTakes(int takes,
      BiFunction<String, RateLimitPolicy, TokenBucket.Decision> take) throws Exception {
    String bucket = "fieldguide:ratelimit:unit:" + UUID.randomUUID();
    return Concurrently.run(takes, i -> () -> take.apply(bucket, POLICY)).stream()
        .filter(TokenBucket.Decision::allowed).count();
  }

  /**
   * A client connecting from its own loopback address, 127.0.0.{@code lastOctet}: this host, but
   * not a trusted proxy, so its address is the connection's and its bucket its own.
   */
  private final class Client {

    private final HttpClient http;

    Client(int lastOctet) {
      try {
        this.http = HttpClient.newBuilder()
            .localAddress(InetAddress.getByAddress(new byte[]{127, 0, 0, (byte) lastOctet}))
            .build();
      } catch (UnknownHostException e) {
        throw new IllegalStateException(e);
      }
    }

    HttpResponse<String> get(String path, Map<String, String> headers) {
      var request = HttpRequest.newBuilder(api.base().resolve(path));
      headers.forEach(request::header);
      try {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
