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
 * R3: the primitive under every Redis lock, without a library — what Redisson's {@code RLock}
 * does for you, shown in two commands.
 *
 * <p>Acquire is {@code SET key owner NX PX ttl}: only if nobody holds it, and always with a TTL so
 * a holder that dies cannot keep it. Release must delete the key only if it still holds <em>our</em>
 * random owner value; a plain {@code DEL} would free a lock that expired and was taken by someone
 * else meanwhile. GET-then-DEL from Java has the same race, so the compare and the delete run as
 * one Lua script.
 */
@Component
public class BareRedisLock {

  private static final String PREFIX = "fieldguide:lock:bare:";

  /** Deletes KEYS[1] only when its value is ARGV[1]; 1 if deleted, 0 otherwise. */
  static final String COMPARE_AND_DELETE = """
      if redis.call('GET', KEYS[1]) == ARGV[1] then
        return redis.call('DEL', KEYS[1])
      end
      return 0
      """;

  private final RedissonClient redisson;
  private final LuaScript compareAndDelete;

  BareRedisLock(RedissonClient redisson) {
    this.redisson = redisson;
    this.compareAndDelete = new LuaScript(redisson, COMPARE_AND_DELETE);
  }

  /** The owner value to release with, or empty when someone else holds {@code name}. */
  public Optional<String> tryAcquire(String name, Duration ttl) {
    String owner = UUID.randomUUID().toString();
    // SET fieldguide:lock:bare:<name> <owner> PX <ttl> NX
    boolean acquired = redisson.getBucket(PREFIX + name, StringCodec.INSTANCE)
        .setIfAbsent(owner, ttl);
    return acquired ? Optional.of(owner) : Optional.empty();
  }

  /** Releases {@code name} if {@code owner} still holds it; false (and no effect) otherwise. */
  public boolean release(String name, String owner) {
    return compareAndDelete(compareAndDelete, PREFIX + name, owner);
  }

  /** Whether anyone holds {@code name} right now. */
  public boolean isHeld(String name) {
    return redisson.getBucket(PREFIX + name, StringCodec.INSTANCE).isExists();
  }

  /** Runs {@code script} ({@link #COMPARE_AND_DELETE}) on {@code key}: true if it deleted it. */
  static boolean compareAndDelete(LuaScript script, String key, String owner) {
    Long deleted = script.runForLong(List.of(key), owner);
    return deleted != null && deleted == 1L;
  }
}
