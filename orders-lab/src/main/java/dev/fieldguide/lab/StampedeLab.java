package dev.fieldguide.lab;

import dev.fieldguide.fixtures.Concurrently;
import dev.fieldguide.orders.catalog.ProductCache;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.ToLongFunction;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * R1 lab: N concurrent cold reads of one product over HTTP, and how many times the database was
 * asked — through the real endpoint, then through caches with a Redis lock, a per-JVM lock and no
 * lock, all loading with the same slow query.
 */
@Component
class StampedeLab implements Lab {

  private static final int READERS = 200;
  /** The real endpoint, then the Redis-lock, per-JVM-lock and no-lock caches. */
  private static final int STAMPEDES = 4;
  private static final String STAMPEDES_RUN = "stampedes of " + READERS + " reads";

  private final ProductCache productCache;
  private final StampedeFixtures fixtures;
  private final MeterRegistry meters;
  private final JdbcClient jdbc;

  StampedeLab(ProductCache productCache, StampedeFixtures fixtures, MeterRegistry meters,
      JdbcClient jdbc) {
    this.productCache = productCache;
    this.fixtures = fixtures;
    this.meters = meters;
    this.jdbc = jdbc;
  }

  @Override
  public String name() {
    return "stampede";
  }

  @Override
  public String claim() {
    return READERS + " concurrent cold reads of one product cost one database load with the Redis"
        + " lock, and about one per reader without any lock";
  }

  @Override
  public void run(URI base, Phases phases) {
    // A product of the lab's own: a client reading the same product meanwhile would load it for
    // the lab's readers (0 loads on their account), as Gatling's reads of product 1 did in CI.
    long product = jdbc.sql("""
        INSERT INTO products (sku, name, price_cents, stock) VALUES ('LAB-STAMPEDE', ?, 100, 10)
        ON CONFLICT (sku) DO UPDATE SET name = EXCLUDED.name RETURNING id
        """).param("Stampede lab").query(Long.class).single();
    Stampede real = stampede(base, "/api/v1/products/" + product, productCache, product,
        StampedeLab::statementsOfTheReads);
    phases.progress(STAMPEDES_RUN, 1, STAMPEDES);
    phases.add(new LabReport.Phase("GET /api/v1/products/{id}, cold", real.measured(),
        "1 load, every read 200", real.loads() == 1 && real.allOk()));
    long slowMs = StampedeFixtures.SLOW_LOAD.toMillis();
    Stampede redis = variant(base, "redis", product);
    phases.progress(STAMPEDES_RUN, 2, STAMPEDES);
    phases.add(new LabReport.Phase("Redis lock, " + slowMs + " ms loader", redis.measured(),
        "1 load (the lock is in Redis, so it holds across instances too)",
        redis.loads() == 1 && redis.allOk()));
    Stampede jvm = variant(base, "jvm", product);
    phases.progress(STAMPEDES_RUN, 3, STAMPEDES);
    phases.add(new LabReport.Phase("per-JVM lock, " + slowMs + " ms loader", jvm.measured(),
        "1 load on this one instance (one per instance: 2 instances load twice)",
        jvm.loads() == 1 && jvm.allOk()));
    Stampede none = variant(base, "none", product);
    phases.progress(STAMPEDES_RUN, 4, STAMPEDES);
    phases.add(new LabReport.Phase("no lock, " + slowMs + " ms loader", none.measured(),
        // How many readers miss before the first store depends on how fast the burst
        // arrives on a shared machine (from all 200 down to 13 seen in CI with a 50 ms
        // loader); what never varies is that it is far more than the one load a lock allows.
        "many loads (at least 1 reader in 20): every reader that missed before the first"
            + " store",
        none.loads() >= READERS / 20 && none.allOk()));
    Map<String, Long> loads = new LinkedHashMap<>();
    loads.put("real endpoint", real.loads());
    loads.put("Redis lock", redis.loads());
    loads.put("per-JVM lock", jvm.loads());
    loads.put("no lock", none.loads());
    phases.chart(LabChart.bars("Database loads for " + READERS + " concurrent cold reads",
        "loads", loads));
  }

  /**
   * A fixture cache's loads, from its own counter: only this lab reads through the {@code lab-*}
   * caches, so their counters count this lab's reads alone.
   */
  private Stampede variant(URI base, String variant, long product) {
    String cache = "lab-" + variant;
    double before = meters.counter("fieldguide.cache.loads", "cache", cache).count();
    return stampede(base, StampedeFixtures.PATH + variant + "/products/" + product,
        fixtures.cache(variant), product, responses -> (long) (meters
            .counter("fieldguide.cache.loads", "cache", cache).count() - before));
  }

  private Stampede stampede(URI base, String path, ProductCache cache, long product,
      ToLongFunction<List<HttpResponse<String>>> loads) {
    cache.evict(product); // cold
    long start = System.nanoTime();
    List<HttpResponse<String>> responses = Concurrently.run(READERS,
        i -> () -> LabHttp.get(base, path, Map.of(StatementTally.REQUEST_HEADER, "true")));
    long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
    return new Stampede(responses.stream().filter(r -> r.statusCode() == 200).count(),
        loads.applyAsLong(responses), millis);
  }

  /**
   * The real cache's loads caused by these reads: the statements each read prepared, added up
   * ({@link RequestStatementTally}). Not the {@code products} cache's load counter: every client
   * of this instance reads through that cache, so under other traffic it counts their misses too.
   */
  private static long statementsOfTheReads(List<HttpResponse<String>> responses) {
    return responses.stream().mapToLong(r -> Long.parseLong(
        r.headers().firstValue(StatementTally.RESPONSE_HEADER).orElse("0"))).sum();
  }

  /** One stampede's outcome: reads answered 200, loads of the database, wall time. */
  private record Stampede(long ok, long loads, long millis) {

    boolean allOk() {
      return ok == READERS;
    }

    Map<String, Object> measured() {
      Map<String, Object> measured = new LinkedHashMap<>();
      measured.put("reads", READERS);
      measured.put("ok", ok);
      measured.put("loads", loads);
      measured.put("ms", millis);
      return measured;
    }
  }
}
