package dev.fieldguide.lab;

import dev.fieldguide.fixtures.Concurrently;
import dev.fieldguide.fixtures.RateLimitFixtures;
import dev.fieldguide.fixtures.wrongway.NonAtomicTokenBucket;
import dev.fieldguide.orders.ratelimit.RateLimitPolicy;
import dev.fieldguide.orders.ratelimit.TokenBucket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.redisson.api.RedissonClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * R4 lab: 64 clients' worth of concurrent requests under one API key for 3 s against a bucket of
 * 10 refilled at 10/s, counting what got through; then the Lua bucket against a read-modify-write
 * one under the same concurrent load.
 */
@Component
// With the limiter switched off there is no bucket to measure, and the rest of the lab still runs.
@ConditionalOnBooleanProperty(name = "fieldguide.rate-limit.enabled", matchIfMissing = true)
class RateLimitLab implements Lab {

  private static final String ROUTE = RateLimitFixtures.LIMITED + "burst";
  private static final String BURST_POLICY = "lab-burst"; // ROUTE's, in the lab's settings
  private static final int CAPACITY = 10;
  private static final double REFILL = 10;
  private static final int SENDERS = 64;
  private static final long BURST_NANOS = 3_000_000_000L;
  private static final long BIN_NANOS = 250_000_000L;
  private static final Duration PROGRESS_EVERY = Duration.ofMillis(500);
  private static final RateLimitPolicy RACE = new RateLimitPolicy("lab-race", List.of(), 20, 0.001);

  private final TokenBucket buckets;
  private final RedissonClient redisson;
  private final LabApiKeys keys;
  private final MeterRegistry meters;

  RateLimitLab(TokenBucket buckets, RedissonClient redisson, LabApiKeys keys,
      MeterRegistry meters) {
    this.buckets = buckets;
    this.redisson = redisson;
    this.keys = keys;
    this.meters = meters;
  }

  @Override
  public String name() {
    return "rate-limit";
  }

  @Override
  public String claim() {
    return "a bucket of " + CAPACITY + " refilled at " + (int) REFILL + "/s lets exactly "
        + CAPACITY + " + " + (int) REFILL + " x seconds through, one Redis script call each;"
        + " a refusal is remembered until its Retry-After";
  }

  @Override
  public void run(URI base, Phases phases) {
    Sent sent;
    // One registered key, a client of its own; the path's policy (lab-burst) applies to it.
    try (var client = keys.issue(base, "rate-limit-lab-" + UUID.randomUUID(), null)) {
      sent = burst(base, client.key(), phases);
    }
    List<HttpResponse<String>> responses = sent.responses();
    double seconds = sent.seconds();
    long scriptCalls = sent.scriptCalls();

    long allowed = responses.stream().filter(r -> r.statusCode() == 200).count();
    List<HttpResponse<String>> refused = responses.stream().filter(r -> r.statusCode() == 429)
        .toList();
    long withRetryAfter = refused.stream()
        .filter(r -> r.headers().firstValue("Retry-After").isPresent()).count();
    long expected = CAPACITY + Math.round(REFILL * BURST_NANOS / 1e9);
    // Senders stop starting requests at 3 s, but one started just before may be answered later,
    // after another refill (more so on a busy machine): the bucket may grant up to the time its
    // last answer came back, never beyond.
    long mostPossible = CAPACITY + (long) Math.floor(REFILL * seconds) + 1;
    Map<String, Object> burst = new LinkedHashMap<>();
    burst.put("requests", responses.size());
    burst.put("allowed", allowed);
    burst.put("rejected", refused.size());
    burst.put("expected", expected);
    burst.put("seconds", Math.round(seconds * 100) / 100.0);
    burst.put("429 with Retry-After", withRetryAfter);
    boolean burstHeld = allowed >= expected - 1 && allowed <= mostPossible
        && withRetryAfter == refused.size() && allowed + refused.size() == responses.size();

    Map<String, Object> calls = new LinkedHashMap<>();
    calls.put("requests", responses.size());
    calls.put("limiter's Redis calls (" + BURST_POLICY + ")", scriptCalls);
    double perRequest = (double) scriptCalls / responses.size();
    calls.put("per request", Math.round(perRequest * 1000) / 1000.0);

    Map<String, Object> headers = new LinkedHashMap<>();
    HttpResponse<String> sample = refused.isEmpty() ? responses.getLast() : refused.getFirst();
    for (String name : List.of("RateLimit-Policy", "RateLimit", "X-RateLimit-Limit",
        "X-RateLimit-Remaining", "X-RateLimit-Reset", "Retry-After")) {
      headers.put(name, sample.headers().firstValue(name).orElse("-"));
    }

    phases.add(new LabReport.Phase(SENDERS + " concurrent senders, one API key, 3 s", burst,
        "allowed = " + expected + " (-1 for the last request's timing; up to " + mostPossible
            + " when the last answers came back after 3 s); every 429 has Retry-After",
        burstHeld));
    phases.chart(overTime(sent.arrivals()));
    phases.add(new LabReport.Phase("Redis round trips", calls,
        "one EVALSHA per admitted request and about one per refill for all the refused ones"
            + " (at most 2 x allowed + 5; the service's own count for this policy)",
        scriptCalls >= allowed && scriptCalls <= 2 * allowed + 5));
    phases.add(new LabReport.Phase("a refused response's headers", headers,
        "draft RateLimit-Policy/RateLimit, X-RateLimit-*, Retry-After",
        !refused.isEmpty() && !headers.containsValue("-")));
    long atomic = granted(buckets::take);
    long readModifyWrite = granted(new NonAtomicTokenBucket(redisson)::take);
    Map<String, Object> race = new LinkedHashMap<>();
    race.put("capacity", RACE.capacity());
    race.put("Lua script granted", atomic);
    race.put("read-modify-write granted", readModifyWrite);

    phases
        .add(new LabReport.Phase("200 concurrent takes from one bucket of " + RACE.capacity(), race,
            "Lua grants exactly the capacity; read-modify-write grants more",
            atomic == RACE.capacity() && readModifyWrite > RACE.capacity()));
  }

  /** {@link #SENDERS} senders sharing {@code key}, for {@link #BURST_NANOS}. */
  private Sent burst(URI base, String key, Phases phases) {
    // One request per sender first, on a route of another policy (another bucket): each verifies
    // the key with a SELECT, so the connection pool has grown before the clock starts, and the
    // first second measures the bucket, not the pool.
    Concurrently.run(SENDERS,
        i -> () -> LabHttp.get(base, RateLimitFixtures.PING, Map.of("X-API-Key", key)));
    List<HttpResponse<String>> responses = Collections.synchronizedList(new ArrayList<>());
    List<Arrival> arrivals = Collections.synchronizedList(new ArrayList<>());
    long evalShaBefore = limiterRedisCalls();
    long start = System.nanoTime();
    try (var senders = Concurrently.start(SENDERS, i -> () -> {
      while (System.nanoTime() - start < BURST_NANOS) {
        var response = LabHttp.get(base, ROUTE, Map.of("X-API-Key", key));
        arrivals.add(new Arrival(System.nanoTime() - start, response.statusCode()));
        responses.add(response);
      }
      return null;
    })) {
      long totalMillis = BURST_NANOS / 1_000_000;
      while (!senders.isDone()) {
        LabWait.pause(PROGRESS_EVERY);
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        if (elapsedMillis < totalMillis) { // the end is reported once, after the last response
          phases.progress("burst (ms)", elapsedMillis, totalMillis);
        }
      }
      senders.join();
      phases.progress("burst (ms)", totalMillis, totalMillis);
    }
    return new Sent(List.copyOf(responses), List.copyOf(arrivals),
        limiterRedisCalls() - evalShaBefore);
  }

  /** Responses allowed and rejected per {@link #BIN_NANOS} of the burst, by arrival time. */
  private static LabChart overTime(List<Arrival> arrivals) {
    int bins = (int) (arrivals.stream().mapToLong(Arrival::nanos).max().orElse(0) / BIN_NANOS)
        + 1;
    long[] allowed = new long[bins];
    long[] rejected = new long[bins];
    for (Arrival arrival : arrivals) {
      int bin = (int) (arrival.nanos() / BIN_NANOS);
      if (arrival.status() == 200) {
        allowed[bin]++;
      } else if (arrival.status() == 429) {
        rejected[bin]++;
      }
    }
    Map<String, List<? extends Number>> series = new LinkedHashMap<>();
    series.put("allowed (200)", LongStream.of(allowed).boxed().toList());
    series.put("rejected (429)", LongStream.of(rejected).boxed().toList());
    return LabChart.lines("Allowed and rejected per " + BIN_NANOS / 1_000_000 + " ms of the burst",
        "seconds since the burst started", "responses",
        IntStream.range(0, bins).mapToObj(bin -> bin * BIN_NANOS / 1e9).toList(), series);
  }

  private static long granted(BiFunction<String, RateLimitPolicy, TokenBucket.Decision> take) {
    String bucket = "fieldguide:ratelimit:lab-race:" + UUID.randomUUID();
    return Concurrently.run(200, i -> () -> take.apply(bucket, RACE)).stream()
        .filter(TokenBucket.Decision::allowed).count();
  }

  /**
   * The commands the limiter sent Redis for the burst's policy, as this service counts them. Not
   * Redis' own {@code INFO commandstats}: that counts every client of the server, so any other
   * instance or load on the same Redis would be billed to this lab.
   */
  private long limiterRedisCalls() {
    Counter calls = meters.find("fieldguide.ratelimit.redis.calls").tag("policy", BURST_POLICY)
        .counter();
    return calls == null ? 0 : (long) calls.count();
  }

  /**
   * What the burst sent and what it cost: its responses, when each arrived, its duration, its
   * script calls.
   */
  private record Sent(List<HttpResponse<String>> responses, List<Arrival> arrivals,
      long scriptCalls) {

    /** The burst lasted until its last answer came back (not until the sender loop noticed). */
    double seconds() {
      return arrivals.stream().mapToLong(Arrival::nanos).max().orElse(0) / 1e9;
    }
  }

  /** One response of the burst: nanoseconds after the burst started, and its status. */
  private record Arrival(long nanos, int status) {}
}
