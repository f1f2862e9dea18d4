package dev.fieldguide.orders.locking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.fieldguide.fixtures.Concurrently;
import dev.fieldguide.orders.errors.DomainException;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.TestData;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * R3: fencing tokens — handed out with the lease, increasing even when Redis loses the counter,
 * and checked by PostgreSQL so a holder whose lease expired cannot overwrite its successor.
 */
@IntegrationTest
class FencingTokenIntegrationTests {

  private static final Duration LONG_LEASE = Duration.ofSeconds(30);

  @Autowired
  FencedLock locks;

  @Autowired
  StockRecount recount;

  @Autowired
  RedissonClient redisson;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  TestData data;

  @Test
  void aHolderWhoseLeaseExpiredCannotOverwriteTheNextHoldersWrite() {
    long product = data.productWithStock(100, 10);
    String resource = StockRecount.resource(product);
    FencedLock.Lease a = locks.tryAcquire(resource, Duration.ofMillis(300)).orElseThrow();

    // A pauses (GC, a stalled VM) until its lease is gone; B takes the lock and writes its count.
    await().atMost(Duration.ofSeconds(3)).until(() -> !locks.isHeld(resource));
    FencedLock.Lease b = locks.tryAcquire(resource, LONG_LEASE).orElseThrow();
    recount.apply(b, product, 42);

    // A wakes up still believing it holds the lock, and writes its stale count.
    assertThatThrownBy(() -> recount.apply(a, product, 7))
        .isInstanceOf(StaleFencingTokenException.class);
    assertThat(b.token()).isGreaterThan(a.token());
    assertThat(data.stockOf(product)).isEqualTo(42);
    assertThat(lastToken(resource)).hasValue(b.token());
    assertThat(locks.release(a)).isFalse();
    assertThat(locks.release(b)).isTrue();
  }

  @Test
  void tokensKeepIncreasingWhenRedisLosesTheCounter() {
    String resource = uniqueResource();
    long before = acquireAndRelease(resource);

    // What a restart of this Redis (nothing on disk) or the counter's TTL running out does.
    assertThat(redisson.getBucket(FencedLock.counterKey(resource)).delete()).isTrue();
    long after = acquireAndRelease(resource);

    assertThat(after).isGreaterThan(before);
  }

  @Test
  void aCounterAheadOfTheClockStillGrowsByOne() {
    String resource = uniqueResource();
    long ahead = 8_000_000_000_000_000L; // the year 2223 in microseconds
    redisson.getBucket(FencedLock.counterKey(resource), StringCodec.INSTANCE)
        .set(Long.toString(ahead), FencedLock.COUNTER_TTL);

    assertThat(acquireAndRelease(resource)).isEqualTo(ahead + 1);
  }

  @Test
  void successiveTokensStrictlyIncreaseAndBothKeysExpire() {
    String resource = uniqueResource();
    long previous = 0;
    for (int i = 0; i < 50; i++) {
      FencedLock.Lease lease = locks.tryAcquire(resource, LONG_LEASE).orElseThrow();
      assertThat(lease.token()).isGreaterThan(previous);
      previous = lease.token();
      assertThat(ttlMillis(FencedLock.leaseKey(resource))).isBetween(1L, LONG_LEASE.toMillis());
      assertThat(ttlMillis(FencedLock.counterKey(resource)))
          .isBetween(FencedLock.COUNTER_TTL.minusMinutes(1).toMillis(),
              FencedLock.COUNTER_TTL.toMillis());
      assertThat(locks.release(lease)).isTrue();
    }
  }

  @Test
  void ofTwentyConcurrentAttemptsExactlyOneGetsTheLeaseAndAToken() {
    String resource = uniqueResource();
    List<FencedLock.Lease> leases = Concurrently.run(20,
        i -> () -> locks.tryAcquire(resource, LONG_LEASE)).stream()
        .flatMap(Optional::stream).toList();

    assertThat(leases).hasSize(1);
    assertThat(locks.release(leases.getFirst())).isTrue();
  }

  @Test
  void aWriteThatFailsLeavesTheFenceWhereItWasSoTheHolderCanRetry() {
    long product = data.productWithStock(100, 10);
    FencedLock.Lease lease = locks.tryAcquire(StockRecount.resource(product), LONG_LEASE)
        .orElseThrow();

    assertThatThrownBy(() -> recount.apply(lease, product, -1)) // breaks stock >= 0
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThat(lastToken(lease.resource())).isEmpty();

    recount.apply(lease, product, 5);
    assertThat(data.stockOf(product)).isEqualTo(5);
    assertThat(lastToken(lease.resource())).hasValue(lease.token());
    locks.release(lease);
  }

  @Test
  void aTokenCommitsAtMostOnce() {
    long product = data.productWithStock(100, 10);
    FencedLock.Lease lease = locks.tryAcquire(StockRecount.resource(product), LONG_LEASE)
        .orElseThrow();
    recount.apply(lease, product, 5);

    assertThatThrownBy(() -> recount.apply(lease, product, 6))
        .isInstanceOf(StaleFencingTokenException.class);
    assertThat(data.stockOf(product)).isEqualTo(5);
    locks.release(lease);
  }

  @Test
  void aRecountHoldsTheLockWhileCountingAndReleasesItAfter() {
    long product = data.productWithStock(100, 10);
    String resource = StockRecount.resource(product);

    int counted = recount.recount(product, () -> {
      assertThat(locks.isHeld(resource)).isTrue();
      assertThatThrownBy(() -> recount.recount(product, () -> 99))
          .isInstanceOfSatisfying(DomainException.class,
              e -> assertThat(e.code()).isEqualTo("RECOUNT_IN_PROGRESS"));
      return 17;
    });

    assertThat(counted).isEqualTo(17);
    assertThat(data.stockOf(product)).isEqualTo(17);
    assertThat(locks.isHeld(resource)).isFalse();
  }

  private long acquireAndRelease(String resource) {
    FencedLock.Lease lease = locks.tryAcquire(resource, LONG_LEASE).orElseThrow();
    locks.release(lease);
    return lease.token();
  }

  private Optional<Long> lastToken(String resource) {
    return jdbc.sql("SELECT last_token FROM lock_fences WHERE resource = ?").param(resource)
        .query((rs, row) -> rs.getLong(1)).optional();
  }

  private long ttlMillis(String key) {
    return redisson.getBucket(key, StringCodec.INSTANCE).remainTimeToLive();
  }

  private static String uniqueResource() {
    return "test-resource:" + UUID.randomUUID();
  }
}
