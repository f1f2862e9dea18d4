package dev.fieldguide.orders.redis;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/**
 * A Lua script run atomically by Redis, called by its SHA ({@code EVALSHA}) so the body crosses
 * the network once instead of on every call. Loaded on first use (the app starts without Redis)
 * and again after Redis has restarted and forgotten it ({@code NOSCRIPT}).
 */
public final class LuaScript {

  private final RScript redis;
  private final String body;
  private volatile @Nullable String sha;

  public LuaScript(RedissonClient redisson, String body) {
    this.redis = redisson.getScript(StringCodec.INSTANCE);
    this.body = body;
  }

  /**
   * Runs a script that returns an integer on {@code keys} with {@code args}; {@code null} when it
   * returns nil.
   */
  public @Nullable Long runForLong(List<Object> keys, Object... args) {
    return (Long) run(RScript.ReturnType.LONG, LuaScript::notCounted, keys, args);
  }

  /** Runs a script that returns an array of integers; {@code null} when it returns nil. */
  public @Nullable List<Long> runForLongs(List<Object> keys, Object... args) {
    return runForLongs(LuaScript::notCounted, keys, args);
  }

  /**
   * As {@link #runForLongs(List, Object...)}, telling {@code roundTrips} of each command sent to
   * Redis for it: one, or more when the script had to be loaded (again) first.
   */
  public @Nullable List<Long> runForLongs(Runnable roundTrips, List<Object> keys,
      Object... args) {
    List<?> values = (List<?>) run(RScript.ReturnType.LIST, roundTrips, keys, args);
    return values == null ? null : values.stream().map(Long.class::cast).toList();
  }

  /**
   * One round trip once the script is loaded. The result's Java type follows from
   * {@code returns}, so only the typed methods above call this, each with its own.
   */
  private @Nullable Object run(RScript.ReturnType returns, Runnable roundTrips,
      List<Object> keys, Object... args) {
    String loaded = sha;
    if (loaded == null) {
      loaded = load(roundTrips);
    }
    try {
      roundTrips.run();
      return redis.evalSha(RScript.Mode.READ_WRITE, loaded, returns, keys, args);
    } catch (RedisException e) {
      if (e.getMessage() == null || !e.getMessage().contains("NOSCRIPT")) {
        throw e;
      }
      String reloaded = load(roundTrips);
      roundTrips.run();
      return redis.evalSha(RScript.Mode.READ_WRITE, reloaded, returns, keys, args);
    }
  }

  /** The round-trip listener of callers that do not count them. */
  private static void notCounted() {}

  private String load(Runnable roundTrips) {
    roundTrips.run();
    String loaded = redis.scriptLoad(body);
    sha = loaded;
    return loaded;
  }
}
