package dev.fieldguide.orders.productviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.fieldguide.fixtures.Concurrently;
import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.UnreachableRedis;
import dev.fieldguide.orders.support.TestData;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R5: views counted in Redis reach PostgreSQL exactly once, whatever runs concurrently or fails
 * half-way, and counting never fails a read.
 */
@IntegrationTest
class ProductViewCounterIntegrationTests {

  private static final Duration KEY_TTL = Duration.ofDays(1);

  @Autowired
  ProductViews views;

  @Autowired
  ProductViewFlusher flusher;

  @Autowired
  RedissonClient redisson;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  TransactionTemplate transactions;

  @Autowired
  TestData data;

  @Autowired
  Api api;

  @Test
  void concurrentViewsInterleavedWithRepeatedFlushesAreCountedExactlyOnce() {
    List<Long> products = List.of(product(), product(), product());
    int writers = 16;
    int viewsEach = 300;
    long flushesThatMovedViews = 0;

    try (var writes = Concurrently.start(writers, w -> () -> {
      long productId = products.get(w % products.size());
      for (int i = 0; i < viewsEach; i++) {
        views.increment(productId);
      }
      return productId;
    })) {
      while (!writes.isDone()) {
        if (flusher.flushOnce() > 0) {
          flushesThatMovedViews++;
        }
      }
      writes.join();
    }

    assertThat(flushesThatMovedViews).as("flushes that ran while views arrived")
        .isGreaterThanOrEqualTo(2);
    for (long productId : products) {
      long expected = (long) viewsEach * (writers / products.size()
          + (products.indexOf(productId) < writers % products.size() ? 1 : 0));
      assertThat(flushed(productId) + inRedis(productId)).as("product %d", productId)
          .isEqualTo(expected);
    }
    flusher.flushOnce();
    for (long productId : products) {
      assertThat(inRedis(productId)).isZero();
    }
    assertThat(products.stream().mapToLong(this::flushed).sum())
        .isEqualTo((long) writers * viewsEach);
  }

  @Test
  void aFlushThatFailsBeforeTheCommitLosesNothingAndItsRetryCountsOnce() {
    long productId = product();
    view(productId, 5);
    var failing = new ProductViewFlusher(redisson, jdbc, transactions, KEY_TTL,
        new SimpleMeterRegistry()) {
      @Override
      long write(String flushId, Map<Long, Long> counts) {
        super.write(flushId, counts);
        throw new IllegalStateException("PostgreSQL write failed before the commit");
      }
    };

    assertThatThrownBy(failing::flushOnce).isInstanceOf(IllegalStateException.class);
    assertThat(flushed(productId)).isZero();
    assertThat(inRedis(productId)).as("the counter was taken into the batch").isZero();
    assertThat(pendingBatches()).isNotEmpty().allSatisfy(flushId -> assertThat(
        redisson.getKeys().remainTimeToLive(ProductViewFlusher.BATCH + flushId)).isPositive());
    view(productId, 2); // arrives while the failed batch waits

    flusher.flushOnce();
    flusher.flushOnce();

    assertThat(flushed(productId)).isEqualTo(7);
    assertThat(pendingBatches()).isEmpty();
  }

  @Test
  void aBatchCommittedButNotReleasedFromRedisIsNotCountedTwice() {
    long productId = product();
    view(productId, 4);
    var dying = new ProductViewFlusher(redisson, jdbc, transactions, KEY_TTL,
        new SimpleMeterRegistry()) {
      @Override
      void release(String flushId) {
        throw new IllegalStateException("process died after the commit");
      }
    };

    assertThatThrownBy(dying::flushOnce).isInstanceOf(IllegalStateException.class);
    assertThat(flushed(productId)).isEqualTo(4);
    List<String> left = pendingBatches();
    assertThat(left).isNotEmpty();

    flusher.flushOnce(); // re-applies the leftover batch: its flush id is already in PostgreSQL

    assertThat(flushed(productId)).isEqualTo(4);
    assertThat(pendingBatches()).isEmpty();
    for (String flushId : left) {
      assertThat(redisson.getKeys().countExists(ProductViewFlusher.BATCH + flushId)).isZero();
    }
  }

  @Test
  void aProductReadCountsOneViewInAKeyWithATtlAndA404CountsNone(RandomGenerator random) {
    long productId = product();
    long unknown = random.nextLong(9_000_000_000L, 9_100_000_000L);

    for (int i = 0; i < 3; i++) {
      assertThat(api.get("/api/v1/products/" + productId).status()).isEqualTo(200);
    }
    assertThat(api.get("/api/v1/products/" + unknown).status()).isEqualTo(404);

    await().atMost(Duration.ofSeconds(5)).until(() -> inRedis(productId) == 3);
    assertThat(redisson.getKeys().remainTimeToLive(ProductViews.COUNTER + productId))
        .isGreaterThan(Duration.ofHours(1).toMillis());
    assertThat(redisson.getKeys().remainTimeToLive(ProductViews.DIRTY)).isPositive();
    assertThat(redisson.getKeys().countExists(ProductViews.COUNTER + unknown)).isZero();
    assertThat(api.get("/api/v1/products/" + productId + "/views").jsonBody().get("views")
        .asLong()).as("not yet flushed").isEqualTo(3);

    flusher.flushOnce();

    assertThat(flushed(productId)).isEqualTo(3);
    var after = api.get("/api/v1/products/" + productId + "/views");
    assertThat(after.jsonBody().get("views").asLong()).as("flushed").isEqualTo(3);
    assertThat(api.get("/api/v1/products/" + unknown + "/views").status()).isEqualTo(404);
  }

  @Test
  void viewsTalliedConcurrentlyWithPushesReachRedisExactlyOnce() {
    List<Long> products = List.of(product(), product(), product());
    int readers = 15; // five per product
    int viewsEach = 50_000; // enough for pushes to run while views arrive
    long pushed = 0;
    int pushes = 0;

    try (var reads = Concurrently.start(readers, r -> () -> {
      for (int i = 0; i < viewsEach; i++) {
        views.record(products.get(r % products.size()));
      }
      return r;
    })) {
      while (!reads.isDone()) {
        pushed += views.pushOnce();
        pushes++;
      }
      reads.join();
    }
    pushed += views.pushOnce();

    // The bean's own push loop may have sent some of them too; together, every view once.
    for (long productId : products) {
      assertThat(inRedis(productId)).as("views of product %d", productId).isEqualTo(5L * viewsEach);
    }
    assertThat(pushes).as("pushes while views arrived").isGreaterThanOrEqualTo(2);
    assertThat(pushed).as("views this test's pushes sent").isPositive()
        .isLessThanOrEqualTo((long) readers * viewsEach);
  }

  @Test
  void withRedisUnreachableAViewIsDroppedAndCountedWithoutWaitingOrFailing() {
    RedissonClient unreachable = UnreachableRedis.client();
    try {
      MeterRegistry meters = new SimpleMeterRegistry();
      var offline = new ProductViews(unreachable, KEY_TTL, meters);

      for (int i = 0; i < 50; i++) {
        offline.record(42); // the controller's call: in memory, so it cannot fail or wait
      }

      assertThat(offline.pushOnce()).isEqualTo(50);
      assertThat(meters.counter("fieldguide.views.dropped", "reason", "redis").count())
          .isEqualTo(50);
      assertThat(offline.pushOnce()).as("dropped, not kept for a retry").isZero();
      assertThat(offline.unflushed(42, Duration.ofMillis(100))).isZero();
    } finally {
      unreachable.shutdown();
    }
  }

  private long product() {
    return data.aProduct().named("Viewed").create();
  }

  private void view(long productId, int times) {
    for (int i = 0; i < times; i++) {
      views.increment(productId);
    }
  }

  private long flushed(long productId) {
    return jdbc.sql("SELECT coalesce(sum(views), 0) FROM product_views WHERE product_id = ?")
        .param(productId).query((rs, row) -> rs.getLong(1)).single();
  }

  private long inRedis(long productId) {
    String count = redisson.<String>getBucket(ProductViews.COUNTER + productId,
        StringCodec.INSTANCE).get();
    return count == null ? 0 : Long.parseLong(count);
  }

  private List<String> pendingBatches() {
    return List.copyOf(redisson.<String>getSet(ProductViewFlusher.BATCHES, StringCodec.INSTANCE)
        .readAll());
  }
}
