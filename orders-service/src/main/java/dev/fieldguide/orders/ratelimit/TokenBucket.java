package dev.fieldguide.orders.ratelimit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.springframework.core.io.ClassPathResource;

/**
 * R4: takes a token from a client's bucket with one Lua script call, so concurrent requests on any
 * number of instances cannot both spend the last token (no read-modify-write race).
 */
public class TokenBucket {

  private static final String SCRIPT = read("ratelimit/token-bucket.lua");

  private final RScript redis;
  private volatile @Nullable String sha; // loaded on first use: the app must start without Redis

  public TokenBucket(RedissonClient redisson) {
    this.redis = redisson.getScript(StringCodec.INSTANCE);
  }

  /**
   * Takes one token from {@code bucketKey} under {@code policy}: one {@code EVALSHA}, plus a
   * {@code SCRIPT LOAD} the first time and after Redis has restarted and forgotten the script.
   */
  public Decision take(String bucketKey, RateLimitPolicy policy) {
    String loaded = sha;
    if (loaded == null) {
      loaded = load();
    }
    List<Long> result;
    try {
      result = evalSha(loaded, bucketKey, policy);
    } catch (RedisException e) {
      if (e.getMessage() == null || !e.getMessage().contains("NOSCRIPT")) {
        throw e;
      }
      result = evalSha(load(), bucketKey, policy);
    }
    return new Decision(result.get(0) == 1, result.get(1), result.get(2), result.get(3));
  }

  private String load() {
    String loaded = redis.scriptLoad(SCRIPT);
    sha = loaded;
    return loaded;
  }

  private List<Long> evalSha(String script, String bucketKey, RateLimitPolicy policy) {
    return redis.evalSha(RScript.Mode.READ_WRITE, script, RScript.ReturnType.LIST,
        List.of(bucketKey), String.valueOf(policy.capacity()),
        String.valueOf(policy.refillPerSecond()), "1");
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
   * @param retryAfterMillis when not allowed: how long until one token is back
   * @param fullInMillis how long until the bucket is full again (the "reset")
   */
  public record Decision(boolean allowed, long remaining, long retryAfterMillis,
      long fullInMillis) {}
}
