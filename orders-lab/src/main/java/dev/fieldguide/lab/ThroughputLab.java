package dev.fieldguide.lab;

import dev.fieldguide.fixtures.Concurrently;
import dev.fieldguide.fixtures.RateLimitFixtures;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * DESIGN §8 throughput lab: requests per second of a cached product read and of a one-query list
 * against the cheapest JSON endpoint of the same app, same client, same run, loopback.
 */
@Component
class ThroughputLab implements Lab {

  private static final int SENDERS = 16;
  private static final long WARM_UP_NANOS = 1_000_000_000L;
  private static final long MEASURE_NANOS = 2_000_000_000L;
  private static final int ROUNDS = 3;
  /** lab.properties: a bucket no run comes near, for measuring without being limited. */
  private static final String POLICY = "lab-throughput";

  private final JdbcClient jdbc;
  private final LabApiKeys keys;

  ThroughputLab(JdbcClient jdbc, LabApiKeys keys) {
    this.jdbc = jdbc;
    this.keys = keys;
  }

  @Override
  public String name() {
    return "throughput";
  }

  @Override
  public String claim() {
    return "a cached product read runs at >= 0.5x and a one-query list at >= 0.25x the requests"
        + " per second of a trivial JSON endpoint";
  }

  @Override
  public void run(URI base, Phases phases) {
    long product = jdbc.sql("SELECT min(id) FROM products").query(Long.class).single();
    Map<String, String> endpoints = new LinkedHashMap<>();
    endpoints.put("trivial", RateLimitFixtures.PING);
    endpoints.put("cached product", "/api/v1/products/" + product);
    endpoints.put("one-query list", "/api/v1/products?limit=10");
    Map<String, Long> best = new LinkedHashMap<>();
    try (var client = keys.issue(base, "throughput-lab-" + UUID.randomUUID(), POLICY)) {
      // Interleaved rounds, best of each: a burst of noise from a neighbour hurts one round only.
      int measured = 0;
      int steps = ROUNDS * endpoints.size();
      for (int round = 0; round < ROUNDS; round++) {
        for (Map.Entry<String, String> endpoint : endpoints.entrySet()) {
          best.merge(endpoint.getKey(), perSecond(base, endpoint.getValue(), client.key()),
              Math::max);
          phases.progress("rounds x endpoints", ++measured, steps);
        }
      }
    }
    long trivial = best.getOrDefault("trivial", 0L);
    double cachedRatio = ratio(best.getOrDefault("cached product", 0L), trivial);
    double listRatio = ratio(best.getOrDefault("one-query list", 0L), trivial);
    Map<String, Object> measured = new LinkedHashMap<>();
    best.forEach((label, rate) -> measured.put(label + " req/s", rate));
    phases.add(new LabReport.Phase(SENDERS + " senders, best of " + ROUNDS + " x 2 s", measured,
        "every endpoint answered", best.values().stream().allMatch(rate -> rate > 0)));
    phases.chart(LabChart.bars("Requests per second, best of " + ROUNDS + " x 2 s", "req/s",
        best));
    phases.add(new LabReport.Phase("cached GET /api/v1/products/{id} / trivial",
        Map.of("ratio", cachedRatio), ">= 0.5", cachedRatio >= 0.5));
    phases.add(new LabReport.Phase("GET /api/v1/products?limit=10 (one SELECT) / trivial",
        Map.of("ratio", listRatio), ">= 0.25", listRatio >= 0.25));
  }

  /**
   * Requests per second answered 200 on {@code path}, after a warm-up. Each request carries the
   * run's registered key, whose policy ({@value #POLICY}) is far above what the senders reach, so
   * the rate limiter still runs (a key lookup and one script call each) but never refuses.
   */
  private static long perSecond(URI base, String path, String key) {
    AtomicLong ok = new AtomicLong();
    long start = System.nanoTime();
    long measureFrom = start + WARM_UP_NANOS;
    long end = measureFrom + MEASURE_NANOS;
    Concurrently.run(SENDERS, i -> () -> {
      while (System.nanoTime() < end) {
        boolean answered = LabHttp.get(base, path, Map.of("X-API-Key", key)).statusCode() == 200;
        if (answered && System.nanoTime() >= measureFrom) {
          ok.incrementAndGet();
        }
      }
      return null;
    });
    return Math.round(ok.get() / (MEASURE_NANOS / 1e9));
  }

  private static double ratio(long value, long baseline) {
    return baseline == 0 ? 0 : Math.round(100.0 * value / baseline) / 100.0;
  }
}
