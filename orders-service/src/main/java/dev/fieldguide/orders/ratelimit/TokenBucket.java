package dev.fieldguide.orders.ratelimit;

import dev.fieldguide.orders.redis.LuaScript;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import org.redisson.api.RedissonClient;
import org.springframework.core.io.ClassPathResource;

/**
 * R4: takes tokens from a client's bucket with one Lua script call, so concurrent requests on any
 * number of instances cannot both spend the last token (no read-modify-write race). The request
 * path calls it through {@link TokenLeases}, which needs it for a lease or a refusal only.
 */
public class TokenBucket {

  private final LuaScript script;
  private final MeterRegistry meters;
  private final Map<String, Counter> redisCalls = new ConcurrentHashMap<>();

  public TokenBucket(RedissonClient redisson, MeterRegistry meters) {
    this.script = new LuaScript(redisson, read("ratelimit/token-bucket.lua"));
    this.meters = meters;
  }

  /** Takes one token from {@code bucketKey} under {@code policy}: one {@code EVALSHA}. */
  public Decision take(String bucketKey, RateLimitPolicy policy) {
    return take(bucketKey, policy, 1);
  }

  /**
   * Takes {@code tokens} tokens at once or none, still in one {@code EVALSHA}: a request that
   * costs several (a GraphQL query, by its complexity) is admitted or refused whole.
   */
  public Decision take(String bucketKey, RateLimitPolicy policy, int tokens) {
    return take(bucketKey, policy, tokens, 0);
  }

  /**
   * As {@link #take(String, RateLimitPolicy, int)}, and when the request is allowed, up to {@code
   * ahead} more tokens in the same call, as many as the bucket holds ({@link Decision#takenAhead()}):
   * an instance's lease ({@link TokenLeases}).
   */
  Decision take(String bucketKey, RateLimitPolicy policy, int tokens, int ahead) {
    List<Long> result = Objects.requireNonNull(script.runForLongs(redisCalls(policy)::increment,
        List.of(bucketKey), String.valueOf(policy.capacity()),
        String.valueOf(policy.refillPerSecond()), String.valueOf(tokens), String.valueOf(ahead)));
    return new Decision(result.get(0) == 1, result.get(1), result.get(2), result.get(3),
        result.get(4).intValue());
  }

  /**
   * The limiter's cost in Redis round trips, per policy: this process's own count, so it says what
   * its requests cost whatever else uses the same Redis server.
   */
  private Counter redisCalls(RateLimitPolicy policy) {
    return redisCalls.computeIfAbsent(policy.name(),
        name -> Counter.builder("fieldguide.ratelimit.redis.calls").tag("policy", name)
            .description("Redis commands the rate limiter sent (EVALSHA, SCRIPT LOAD)")
            .register(meters));
  }

  private static String read(String resource) {
    try {
      return new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The script's answer.
   *
   * @param remaining whole tokens left after this request
   * @param retryAfterMillis when not allowed: how long until the tokens asked for are back
   * @param fullInMillis how long until the bucket is full again (the "reset")
   * @param takenAhead tokens taken beyond the request's own, for a lease; already deducted from
   *     {@code remaining}
   */
  public record Decision(boolean allowed, long remaining, long retryAfterMillis, long fullInMillis,
      int takenAhead) {

    /** A decision that took nothing ahead. */
    public Decision(boolean allowed, long remaining, long retryAfterMillis, long fullInMillis) {
      this(allowed, remaining, retryAfterMillis, fullInMillis, 0);
    }
  }
}
