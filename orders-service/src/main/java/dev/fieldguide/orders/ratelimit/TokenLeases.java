package dev.fieldguide.orders.ratelimit;

import dev.fieldguide.orders.ratelimit.TokenBucket.Decision;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * R4: what this instance knows about each client's bucket between two script calls, so most
 * requests are decided in memory instead of in Redis. Two facts are worth keeping:
 *
 * <ul>
 *   <li><b>A lease</b>: tokens taken ahead in the call that admitted a request ({@link
 *       RateLimitPolicy#lease()}), spent here by the requests that follow. They are already gone
 *       from the bucket, so no instance can over-grant; they are dropped after {@link
 *       #LEASE_NANOS}, so a burst exceeds the capacity by at most one lease per instance, and
 *       tokens stranded in another instance's lease are refused meanwhile.
 *   <li><b>A refusal</b>: only the refill adds tokens to a bucket (other instances only take), so
 *       a request that cost no less is refused here until the refusal's {@code Retry-After}, and
 *       a client that keeps sending after a 429 costs Redis nothing.
 * </ul>
 *
 * <p>Requests of one client that find nothing usable queue for one script call instead of each
 * sending its own. At most {@code maxClients} buckets are remembered; beyond that a request goes
 * to Redis as if this class did not exist.
 */
final class TokenLeases {

  /** How long leased tokens may be spent before they are dropped. */
  static final long LEASE_NANOS = 1_000_000_000L;
  /** Forgotten entries are swept at most this often, so many new clients cost no sweep each. */
  private static final long SWEEP_NANOS = 100_000_000L;

  private final TokenBucket buckets;
  private final LongSupplier nanoTime;
  private final int maxClients;
  private final ConcurrentHashMap<String, Known> known = new ConcurrentHashMap<>();
  private final AtomicLong lastSweep = new AtomicLong();

  /**
   * @param nanoTime the clock leases and refusals expire by ({@code System::nanoTime})
   */
  TokenLeases(TokenBucket buckets, LongSupplier nanoTime, int maxClients) {
    this.buckets = buckets;
    this.nanoTime = nanoTime;
    this.maxClients = maxClients;
    this.lastSweep.set(nanoTime.getAsLong());
  }

  /** Takes {@code tokens} from {@code bucket}: from memory when it can, else in one script call. */
  Decision take(String bucket, RateLimitPolicy policy, int tokens) {
    Known entry = known.get(bucket);
    if (entry == null) {
      entry = remember(bucket);
      if (entry == null) {
        return buckets.take(bucket, policy, tokens);
      }
    }
    Decision local = entry.answer(tokens, policy, nanoTime.getAsLong());
    if (local != null) {
      return local;
    }
    entry.renewal.lock();
    try {
      // Whoever held the lock before may have just renewed what this request needs.
      local = entry.answer(tokens, policy, nanoTime.getAsLong());
      if (local != null) {
        return local;
      }
      Decision fresh = buckets.take(bucket, policy, tokens, policy.lease());
      entry.update(fresh, tokens, nanoTime.getAsLong());
      return fresh.takenAhead() == 0
          ? fresh
          : decision(true, fresh.remaining() + fresh.takenAhead(), 0, policy);
    } finally {
      entry.renewal.unlock();
    }
  }

  /** The entry for a client seen for the first time; {@code null} when the table is full. */
  private @Nullable Known remember(String bucket) {
    if (known.size() >= maxClients) {
      sweep();
      if (known.size() >= maxClients) {
        return null;
      }
    }
    return known.computeIfAbsent(bucket, key -> new Known());
  }

  /** Forgets the clients whose lease or refusal has expired, at most once per sweep interval. */
  private void sweep() {
    long now = nanoTime.getAsLong();
    long last = lastSweep.get();
    if (now - last >= SWEEP_NANOS && lastSweep.compareAndSet(last, now)) {
      known.values().removeIf(entry -> entry.expired(now));
    }
  }

  private static Decision decision(boolean allowed, long remaining,
      long retryAfterMillis, RateLimitPolicy policy) {
    long fullInMillis = (long) Math.ceil(
        Math.max(0, policy.capacity() - remaining) * 1000 / policy.refillPerSecond());
    return new Decision(allowed, remaining, retryAfterMillis, fullInMillis);
  }

  /** One client's bucket as last seen from here. */
  private static final class Known {

    private final ReentrantLock renewal = new ReentrantLock();
    private final AtomicReference<@Nullable View> view = new AtomicReference<>();

    /** The decision memory allows, or {@code null} when only Redis can tell. */
    @Nullable Decision answer(int tokens, RateLimitPolicy policy, long now) {
      while (true) {
        View seen = view.get();
        if (seen == null || now - seen.until() >= 0) {
          return null;
        }
        if (seen.refusedCost() > 0) {
          if (tokens < seen.refusedCost()) {
            return null; // a smaller request may fit what the refused one did not
          }
          long retryAfterMillis = Math.max(1, (seen.until() - now + 999_999) / 1_000_000);
          return decision(false, seen.remaining(), retryAfterMillis, policy);
        }
        if (seen.inHand() < tokens) {
          return null;
        }
        View spent = new View(seen.inHand() - tokens, seen.remaining(), 0, seen.until());
        if (view.compareAndSet(seen, spent)) {
          return decision(true, spent.remaining() + spent.inHand(), 0, policy);
        }
      }
    }

    /** Keeps what a script call said: a lease, a refusal, or nothing worth keeping. */
    void update(Decision fresh, int tokens, long now) {
      if (!fresh.allowed()) {
        view.set(
            new View(0, fresh.remaining(), tokens, now + fresh.retryAfterMillis() * 1_000_000));
      } else if (fresh.takenAhead() > 0) {
        view.set(new View(fresh.takenAhead(), fresh.remaining(), 0, now + LEASE_NANOS));
      } else {
        view.set(null);
      }
    }

    boolean expired(long now) {
      View seen = view.get();
      return !renewal.isLocked() && (seen == null || now - seen.until() >= 0);
    }
  }

  /**
   * @param inHand leased tokens not yet spent
   * @param remaining tokens the bucket in Redis held after the call
   * @param refusedCost when above 0: the cost of a request Redis refused; requests costing as
   *     much or more are refused until {@code until}
   * @param until {@link System#nanoTime()} at which this view stops being true
   */
  private record View(int inHand, long remaining, int refusedCost, long until) {}
}
