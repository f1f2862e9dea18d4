package dev.fieldguide.orders.locking;

import dev.fieldguide.orders.redis.LuaScript;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

/**
 * R3: a Redis lease that comes with a fencing token — a number larger than any handed out before
 * for the same resource — so the resource itself can refuse a holder whose lease has run out.
 *
 * <p>One Lua script takes the lease ({@code SET NX PX}) and computes the token as
 * {@code max(previous + 1, Redis server TIME in microseconds)}. The counter key has a (long) TTL
 * like every key, and this Redis keeps nothing on disk, so the counter can vanish; the clock term
 * makes the next token larger than every earlier one anyway. Both keys share a hash tag, so the
 * script also runs on Redis Cluster.
 */
@Component
public class FencedLock {

  static final Duration COUNTER_TTL = Duration.ofDays(30);

  /** KEYS: lease, counter. ARGV: owner, lease ms, counter TTL ms. Returns the token, 0 if busy. */
  private static final String ACQUIRE = """
      if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
        return 0
      end
      local time = redis.call('TIME')
      local clock = tonumber(time[1]) * 1000000 + tonumber(time[2])
      local token = math.max(tonumber(redis.call('GET', KEYS[2]) or '0') + 1, clock)
      -- %.0f: tostring would print 1.7e+15 and lose the low digits
      redis.call('SET', KEYS[2], string.format('%.0f', token), 'PX', ARGV[3])
      return token
      """;

  private final RedissonClient redisson;
  private final LuaScript acquire;
  private final LuaScript compareAndDelete;

  FencedLock(RedissonClient redisson) {
    this.redisson = redisson;
    this.acquire = new LuaScript(redisson, ACQUIRE);
    this.compareAndDelete = new LuaScript(redisson, BareRedisLock.COMPARE_AND_DELETE);
  }

  /** A lease on {@code resource} for {@code ttl} with its fencing token, or empty when held. */
  public Optional<Lease> tryAcquire(String resource, Duration ttl) {
    String owner = UUID.randomUUID().toString();
    Long token = acquire.runForLong(
        List.of(leaseKey(resource), counterKey(resource)), owner, String.valueOf(ttl.toMillis()),
        String.valueOf(COUNTER_TTL.toMillis()));
    return token == null || token == 0L
        ? Optional.empty()
        : Optional.of(new Lease(resource, owner, token));
  }

  /** Ends the lease if it is still this holder's; false when it expired (or someone else's). */
  public boolean release(Lease lease) {
    return BareRedisLock.compareAndDelete(compareAndDelete, leaseKey(lease.resource()),
        lease.owner());
  }

  /** Whether anyone holds a lease on {@code resource} right now. */
  public boolean isHeld(String resource) {
    return redisson.getBucket(leaseKey(resource), StringCodec.INSTANCE).isExists();
  }

  static String leaseKey(String resource) {
    return "fieldguide:lock:{" + resource + "}";
  }

  static String counterKey(String resource) {
    return "fieldguide:fence:{" + resource + "}";
  }

  /** A held lease: {@code owner} releases it, {@code token} goes with every write made under it. */
  public record Lease(String resource, String owner, long token) {}
}
