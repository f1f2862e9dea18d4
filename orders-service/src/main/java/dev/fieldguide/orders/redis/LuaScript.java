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

  /** Runs the script on {@code keys} with {@code args}: one round trip once it is loaded. */
  public <R> @Nullable R run(RScript.ReturnType returns, List<Object> keys, Object... args) {
    String loaded = sha;
    if (loaded == null) {
      loaded = load();
    }
    try {
      return redis.evalSha(RScript.Mode.READ_WRITE, loaded, returns, keys, args);
    } catch (RedisException e) {
      if (e.getMessage() == null || !e.getMessage().contains("NOSCRIPT")) {
        throw e;
      }
      return redis.evalSha(RScript.Mode.READ_WRITE, load(), returns, keys, args);
    }
  }

  private String load() {
    String loaded = redis.scriptLoad(body);
    sha = loaded;
    return loaded;
  }
}
