package dev.fieldguide.orders.productviews;

import dev.fieldguide.orders.redis.LuaScript;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * R5: counts product views in Redis, where an increment is one cheap atomic command, instead of
 * an UPDATE on a hot PostgreSQL row per read. {@link ProductViewFlusher} moves the counts into
 * PostgreSQL in batches.
 *
 * <p>Recording is fire-and-forget and fails open: the read that triggers it never waits for Redis
 * and never fails because of it. When Redis is down (or so slow that too many increments are in
 * flight) the view is dropped and counted in {@code fieldguide.views.dropped}.
 */
public class ProductViews {

  static final String COUNTER = "fieldguide:views:product:";
  /** Ids with counts not yet taken by a flush. */
  static final String DIRTY = "fieldguide:views:dirty";
  static final int MAX_IN_FLIGHT = 1_000;

  /** INCR, refresh the TTL, mark the id dirty: one script, so a flush never sees half of it. */
  private static final String INCREMENT = """
      local views = redis.call('INCR', KEYS[1])
      redis.call('PEXPIRE', KEYS[1], ARGV[1])
      redis.call('SADD', KEYS[2], ARGV[2])
      redis.call('PEXPIRE', KEYS[2], ARGV[1])
      return views
      """;

  private final RedissonClient redisson;
  private final LuaScript increment;
  private final Duration keyTtl;
  private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
  private final Counter recorded;
  private final Counter droppedUnavailable;
  private final Counter droppedBusy;

  ProductViews(RedissonClient redisson, Duration keyTtl, MeterRegistry meters) {
    this.redisson = redisson;
    this.increment = new LuaScript(redisson, INCREMENT);
    this.keyTtl = keyTtl;
    this.recorded = meters.counter("fieldguide.views.recorded");
    this.droppedUnavailable = meters.counter("fieldguide.views.dropped", "reason", "redis");
    this.droppedBusy = meters.counter("fieldguide.views.dropped", "reason", "in-flight-limit");
  }

  /**
   * Counts one view of the product; returns at once and never throws. The increment runs on its
   * own virtual thread, so a slow or unreachable Redis delays nobody: the request thread only
   * takes a permit (at most {@value #MAX_IN_FLIGHT} increments wait at once; past that, views are
   * dropped rather than queued without bound).
   */
  public void record(long productId) {
    if (!inFlight.tryAcquire()) {
      droppedBusy.increment();
      return;
    }
    try {
      Thread.ofVirtual().name("product-view").start(() -> {
        try {
          increment(productId);
          recorded.increment();
        } catch (RuntimeException e) {
          droppedUnavailable.increment(); // fail open: a lost view is the whole damage
        } finally {
          inFlight.release();
        }
      });
    } catch (RuntimeException e) {
      inFlight.release();
      droppedUnavailable.increment();
    }
  }

  /** The increment itself, waiting for Redis; returns the product's unflushed count. */
  long increment(long productId) {
    Long views = increment.runForLong(List.of(COUNTER + productId, DIRTY),
        keyTtl.toMillis(), productId);
    return views == null ? 0 : views;
  }

  /**
   * Views counted in Redis and not yet taken by a flush; 0 when Redis does not answer within
   * {@code wait} (the total is then the flushed number only, which is never wrong, only late).
   */
  long unflushed(long productId, Duration wait) {
    try {
      String views = redisson.<String>getBucket(COUNTER + productId, StringCodec.INSTANCE)
          .getAsync().toCompletableFuture().get(wait.toMillis(), TimeUnit.MILLISECONDS);
      return views == null ? 0 : Long.parseLong(views);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }
}
