package dev.fieldguide.orders.lab;

import dev.fieldguide.orders.ratelimit.RateLimitPolicy;
import dev.fieldguide.orders.ratelimit.TokenBucket;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.redisson.api.RMap;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Fixture: the same token bucket as read, compute in Java, write back, in separate round trips.
 * Two requests that read the same token count both spend it, so a burst gets more than the
 * capacity; this is what the Lua script prevents.
 */
public final class NonAtomicTokenBucket {

  private final RedissonClient redisson;

  public NonAtomicTokenBucket(RedissonClient redisson) {
    this.redisson = redisson;
  }

  public TokenBucket.Decision take(String bucketKey, RateLimitPolicy policy) {
    RMap<String, String> bucket = redisson.getMap(bucketKey, StringCodec.INSTANCE);
    long now = System.currentTimeMillis();
    Map<String, String> state = bucket.getAll(Set.of("tokens", "at"));
    double tokens = Double.parseDouble(state.getOrDefault("tokens", "" + policy.capacity()));
    long at = Long.parseLong(state.getOrDefault("at", "" + now));
    tokens = Math.min(policy.capacity(), tokens + (now - at) * policy.refillPerSecond() / 1000);
    boolean allowed = tokens >= 1;
    if (allowed) {
      tokens -= 1;
    }
    bucket.putAll(Map.of("tokens", String.valueOf(tokens), "at", String.valueOf(now)));
    bucket.expire(Duration.ofMinutes(5));
    return new TokenBucket.Decision(allowed, (long) tokens, allowed ? 0 : 1000, 0);
  }
}
