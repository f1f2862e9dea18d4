package dev.fieldguide.orders.support;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/** A Redisson client aimed at a closed port, failing fast: Redis "down" without stopping it. */
public final class UnreachableRedis {

  private UnreachableRedis() {}

  /** A new client; shut it down after the test. */
  public static RedissonClient client() {
    Config dead = new Config();
    dead.setLazyInitialization(true);
    dead.useSingleServer().setAddress("redis://127.0.0.1:1").setConnectTimeout(200)
        .setTimeout(200).setRetryAttempts(0);
    return Redisson.create(dead);
  }
}
