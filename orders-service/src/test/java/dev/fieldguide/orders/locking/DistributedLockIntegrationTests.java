package dev.fieldguide.orders.locking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.fieldguide.fixtures.Concurrently;
import dev.fieldguide.orders.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * R3: what a Redis lock does and does not promise — Redisson's {@code RLock} (owner-checked
 * unlock, watchdog against explicit lease) and the bare {@code SET NX PX} + compare-and-delete.
 */
@IntegrationTest
class DistributedLockIntegrationTests {

  private static final Duration WATCHDOG = Duration.ofSeconds(1);

  @Autowired
  RedissonClient redisson;

  @Autowired
  BareRedisLock bare;

  @Test
  void anotherThreadCannotUnlockARedissonLock() throws Exception {
    RLock lock = redisson.getLock(uniqueLockName());
    try (var holder = Executors.newSingleThreadExecutor()) {
      holder.submit(() -> lock.lock(30, TimeUnit.SECONDS)).get();

      assertThatThrownBy(lock::unlock).isInstanceOf(IllegalMonitorStateException.class);
      assertThat(lock.isLocked()).isTrue();

      holder.submit(lock::unlock).get(); // the owner can
    }
    assertThat(lock.isLocked()).isFalse();
  }

  @Test
  void anotherInstanceCannotUnlockItEvenFromTheSameThread() {
    // The owner is client id + thread id, so a thread of another instance is not the owner.
    RedissonClient otherInstance = Redisson.create(new Config(redisson.getConfig()));
    String name = uniqueLockName();
    try {
      RLock lock = redisson.getLock(name);
      lock.lock(30, TimeUnit.SECONDS);
      try {
        assertThatThrownBy(() -> otherInstance.getLock(name).unlock())
            .isInstanceOf(IllegalMonitorStateException.class);
        assertThat(lock.isLocked()).isTrue();
      } finally {
        lock.unlock();
      }
    } finally {
      otherInstance.shutdown();
    }
  }

  @Test
  void withoutALeaseTheWatchdogKeepsTheLockPastItsTimeoutWhileTheHolderLives() {
    RedissonClient instance = instanceWithWatchdog();
    String name = uniqueLockName();
    try {
      RLock lock = instance.getLock(name);
      RLock seenByOthers = redisson.getLock(name);
      // No lease: the key gets the watchdog timeout as TTL and is renewed every 1/3 of it.
      lock.lock();
      try {
        assertThat(lock.remainTimeToLive()).isBetween(1L, WATCHDOG.toMillis());
        await().during(WATCHDOG.multipliedBy(3)).atMost(WATCHDOG.multipliedBy(5))
            .until(seenByOthers::isLocked);
      } finally {
        lock.unlock();
      }
      assertThat(seenByOthers.isLocked()).isFalse();
    } finally {
      instance.shutdown();
    }
  }

  @Test
  void whenTheHolderDiesTheWatchdogStopsAndTheLockExpires() {
    RedissonClient instance = instanceWithWatchdog();
    String name = uniqueLockName();
    instance.getLock(name).lock();
    instance.shutdown(); // the process is gone without unlocking: nobody renews the TTL any more

    await().atMost(WATCHDOG.multipliedBy(3)).until(() -> !redisson.getLock(name).isLocked());
  }

  @Test
  void anExplicitLeaseExpiresByItselfWhileTheHolderStillRuns() {
    RLock lock = redisson.getLock(uniqueLockName());
    lock.lock(300, TimeUnit.MILLISECONDS); // a lease: no watchdog, whatever the holder is doing

    await().atMost(Duration.ofSeconds(3)).until(() -> !lock.isLocked());
    // The holder learns it only when it tries to unlock: whatever it did after 300 ms was
    // unguarded.
    assertThatThrownBy(lock::unlock).isInstanceOf(IllegalMonitorStateException.class);
  }

  @Test
  void anotherOwnerCannotReleaseTheBareLock() {
    String name = uniqueName();
    String owner = bare.tryAcquire(name, Duration.ofSeconds(30)).orElseThrow();

    assertThat(bare.tryAcquire(name, Duration.ofSeconds(30))).isEmpty();
    assertThat(bare.release(name, UUID.randomUUID().toString())).isFalse();
    assertThat(bare.isHeld(name)).isTrue();

    assertThat(bare.release(name, owner)).isTrue();
    assertThat(bare.isHeld(name)).isFalse();
  }

  @Test
  void theBareLeaseExpiresAndItsFormerOwnerCannotReleaseTheNextHolder() {
    String name = uniqueName();
    String first = bare.tryAcquire(name, Duration.ofMillis(300)).orElseThrow();
    assertThat(redisson.getBucket("fieldguide:lock:bare:" + name, StringCodec.INSTANCE)
        .remainTimeToLive()).isBetween(1L, 300L);

    await().atMost(Duration.ofSeconds(3)).until(() -> !bare.isHeld(name));
    String second = bare.tryAcquire(name, Duration.ofSeconds(30)).orElseThrow();

    // A plain DEL here would free the second holder's lock.
    assertThat(bare.release(name, first)).isFalse();
    assertThat(bare.isHeld(name)).isTrue();
    assertThat(bare.release(name, second)).isTrue();
  }

  @Test
  void ofFiftyConcurrentAttemptsExactlyOneGetsTheBareLock() {
    String name = uniqueName();
    List<String> owners = Concurrently.run(50,
        i -> () -> bare.tryAcquire(name, Duration.ofSeconds(30))).stream()
        .flatMap(Optional::stream).toList();

    assertThat(owners).hasSize(1);
    assertThat(bare.release(name, owners.getFirst())).isTrue();
  }

  private RedissonClient instanceWithWatchdog() {
    Config config = new Config(redisson.getConfig());
    config.setLockWatchdogTimeout(WATCHDOG.toMillis());
    return Redisson.create(config);
  }

  private static String uniqueLockName() {
    return "fieldguide:lock:test:" + UUID.randomUUID();
  }

  private static String uniqueName() {
    return "test:" + UUID.randomUUID();
  }
}
