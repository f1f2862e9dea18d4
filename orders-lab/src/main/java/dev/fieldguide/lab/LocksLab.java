package dev.fieldguide.lab;

import dev.fieldguide.orders.locking.BareRedisLock;
import dev.fieldguide.orders.locking.FencedLock;
import dev.fieldguide.orders.locking.StaleFencingTokenException;
import dev.fieldguide.orders.locking.StockRecount;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * R3 lab: a stock recount whose lock lease runs out while it "pauses"; the next holder recounts,
 * then the paused one wakes up and writes. With fencing PostgreSQL rejects the stale write; with
 * the lock alone it silently wins. Then: a lock cannot be released by someone who does not own it.
 */
@Component
class LocksLab implements Lab {

  private static final Duration SHORT_LEASE = Duration.ofMillis(300);
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final int STALE_COUNT = 7;
  private static final int NEWER_COUNT = 42;

  private final FencedLock locks;
  private final StockRecount recount;
  private final BareRedisLock bare;
  private final RedissonClient redisson;
  private final JdbcClient jdbc;

  LocksLab(FencedLock locks, StockRecount recount, BareRedisLock bare, RedissonClient redisson,
      JdbcClient jdbc) {
    this.locks = locks;
    this.recount = recount;
    this.bare = bare;
    this.redisson = redisson;
    this.jdbc = jdbc;
  }

  @Override
  public String name() {
    return "locks";
  }

  @Override
  public String claim() {
    return "a holder whose lease expired is stopped by its fencing token; only an owner can"
        + " release a lock";
  }

  @Override
  public void run(URI base, Phases phases) {
    phases.add(fenced());
    phases.add(lockAlone());
    phases.add(nonOwnerRelease());
  }

  private LabReport.Phase fenced() {
    long product = labProduct("LAB-LOCKS-FENCED");
    String resource = StockRecount.resource(product);
    FencedLock.Lease a = locks.tryAcquire(resource, SHORT_LEASE).orElseThrow();
    long pausedMs = pauseUntilExpired(resource);
    FencedLock.Lease b = locks.tryAcquire(resource, LEASE).orElseThrow();
    int accepted = 0;
    int rejected = 0;
    for (var write : List.of(new Write(b, NEWER_COUNT), new Write(a, STALE_COUNT))) {
      try {
        recount.apply(write.lease(), product, write.count());
        accepted++;
      } catch (StaleFencingTokenException e) {
        rejected++;
      }
    }
    locks.release(b);
    int stock = stockOf(product);
    Map<String, Object> measured = new LinkedHashMap<>();
    measured.put("tokens handed out", a.token() + "," + b.token());
    measured.put("A paused ms", pausedMs);
    measured.put("writes accepted", accepted);
    measured.put("writes rejected", rejected);
    measured.put("final stock", stock);
    return new LabReport.Phase("fenced: A's lease expires, B writes " + NEWER_COUNT
        + ", A writes " + STALE_COUNT, measured,
        "B's token is larger, A's write is rejected by PostgreSQL, stock stays " + NEWER_COUNT,
        b.token() > a.token() && accepted == 1 && rejected == 1 && stock == NEWER_COUNT);
  }

  /** The same story with the lock alone, no fence: the naive variant, for contrast. */
  private LabReport.Phase lockAlone() {
    long product = labProduct("LAB-LOCKS-UNFENCED");
    String resource = "lab-unfenced:" + product;
    FencedLock.Lease a = locks.tryAcquire(resource, SHORT_LEASE).orElseThrow();
    pauseUntilExpired(resource);
    FencedLock.Lease b = locks.tryAcquire(resource, LEASE).orElseThrow();
    unfencedWrite(product, NEWER_COUNT); // B
    unfencedWrite(product, STALE_COUNT); // A, after its lease ran out
    boolean aReleased = locks.release(a);
    locks.release(b);
    int stock = stockOf(product);
    Map<String, Object> measured = new LinkedHashMap<>();
    measured.put("writes accepted", 2);
    measured.put("A's release", aReleased);
    measured.put("final stock", stock);
    return new LabReport.Phase("lock alone (no fence): the same pause", measured,
        "A's stale " + STALE_COUNT + " overwrites B's " + NEWER_COUNT
            + " unnoticed — why the fence is needed",
        stock == STALE_COUNT);
  }

  private LabReport.Phase nonOwnerRelease() {
    String name = "lab:" + UUID.randomUUID();
    String owner = bare.tryAcquire(name, LEASE).orElseThrow();
    boolean strangerReleased = bare.release(name, UUID.randomUUID().toString());
    boolean stillHeld = bare.isHeld(name);
    boolean ownerReleased = bare.release(name, owner);

    RLock lock = redisson.getLock("fieldguide:lock:lab:" + UUID.randomUUID());
    String otherThread;
    boolean stillLocked;
    lock.lock(LEASE.toMillis(), TimeUnit.MILLISECONDS);
    try {
      otherThread = unlockFromAnotherThread(lock);
      stillLocked = lock.isLocked();
    } finally {
      lock.unlock();
    }

    Map<String, Object> measured = new LinkedHashMap<>();
    measured.put("SET NX PX: stranger release", strangerReleased);
    measured.put("still held", stillHeld);
    measured.put("owner release", ownerReleased);
    measured.put("RLock: other thread unlock", otherThread);
    measured.put("still locked", stillLocked);
    return new LabReport.Phase("release by a non-owner", measured,
        "refused by both; the owner's release works",
        !strangerReleased && stillHeld && ownerReleased && stillLocked
            && otherThread.equals("IllegalMonitorStateException"));
  }

  /** What happens when a thread that does not hold {@code lock} calls {@code unlock()}. */
  private static String unlockFromAnotherThread(RLock lock) {
    try (var other = Executors.newVirtualThreadPerTaskExecutor()) {
      return other.submit(() -> {
        try {
          lock.unlock();
          return "unlocked";
        } catch (IllegalMonitorStateException e) {
          return "IllegalMonitorStateException";
        }
      }).get();
    } catch (Exception e) {
      throw new IllegalStateException("unlock attempt failed", e);
    }
  }

  /** A's "GC pause": it does nothing until its lease has expired. Returns how long that took. */
  private long pauseUntilExpired(String resource) {
    Instant start = Instant.now();
    Instant deadline = start.plusSeconds(5);
    while (locks.isHeld(resource) && Instant.now().isBefore(deadline)) {
      try {
        Thread.sleep(10); // a live demo waiting on Redis, bounded by the deadline
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return Duration.between(start, Instant.now()).toMillis();
  }

  /** One product per phase, reused across runs, its stock reset to 10 before each run. */
  private long labProduct(String sku) {
    return jdbc.sql("""
        INSERT INTO products (sku, name, price_cents, stock) VALUES (?, ?, 100, 10)
        ON CONFLICT (sku) DO UPDATE SET stock = 10 RETURNING id
        """).params(sku, "Locks lab " + sku).query((rs, row) -> rs.getLong(1)).single();
  }

  /** What a recount without a fence writes: the lock is trusted to still be held. */
  private void unfencedWrite(long product, int count) {
    jdbc.sql("UPDATE products SET stock = ? WHERE id = ?").params(count, product).update();
  }

  private int stockOf(long product) {
    return jdbc.sql("SELECT stock FROM products WHERE id = ?").param(product)
        .query((rs, row) -> rs.getInt(1)).single();
  }

  private record Write(FencedLock.Lease lease, int count) {}
}
