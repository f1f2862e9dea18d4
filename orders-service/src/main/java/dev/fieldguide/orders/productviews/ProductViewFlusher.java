package dev.fieldguide.orders.productviews;

import dev.fieldguide.orders.redis.LuaScript;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.redisson.api.RMap;
import org.redisson.api.RSet;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R5: moves view counts from Redis into PostgreSQL without losing or doubling any.
 *
 * <p>A flush first <em>takes</em> counts: one Lua script reads and deletes each dirty counter and
 * writes the counts into a batch hash named by a fresh flush id, all atomically, so an increment
 * lands either in this batch or in a new counter for the next flush. The batch stays in Redis
 * (registered in {@link #BATCHES}) until PostgreSQL has committed it; the commit records the
 * flush id in {@code view_flushes}, so applying the same batch again (after a crash between the
 * commit and the delete, or by a second instance) is a no-op. Leftover batches are applied first
 * on every flush, and no new counts are taken while one cannot be applied.
 */
class ProductViewFlusher {

  /** Flush ids whose batches are taken from the counters but not yet released. */
  static final String BATCHES = "fieldguide:views:batches";
  static final String BATCH = "fieldguide:views:batch:";
  static final int IDS_PER_BATCH = 500;
  private static final int MAX_BATCHES_PER_FLUSH = 20;

  /**
   * KEYS: dirty set, batch hash, batch registry, then one counter per id (ARGV[3..], same order).
   * ARGV[1]: TTL in ms, ARGV[2]: flush id. Returns how many counters were moved.
   */
  private static final String TAKE = """
      local moved = 0
      for i = 4, #KEYS do
        local id = ARGV[i - 1]
        local views = redis.call('GET', KEYS[i])
        redis.call('SREM', KEYS[1], id)
        if views then
          redis.call('DEL', KEYS[i])
          redis.call('HSET', KEYS[2], id, views)
          moved = moved + 1
        end
      end
      if moved > 0 then
        redis.call('PEXPIRE', KEYS[2], ARGV[1])
        redis.call('SADD', KEYS[3], ARGV[2])
        redis.call('PEXPIRE', KEYS[3], ARGV[1])
      end
      return moved
      """;

  private final RedissonClient redisson;
  private final LuaScript take;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Duration keyTtl;
  private final Counter flushed;

  ProductViewFlusher(RedissonClient redisson, JdbcClient jdbc, TransactionTemplate transactions,
      Duration keyTtl, MeterRegistry meters) {
    this.redisson = redisson;
    this.take = new LuaScript(redisson, TAKE);
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.keyTtl = keyTtl;
    this.flushed = meters.counter("fieldguide.views.flushed");
  }

  /**
   * Applies leftover batches (an earlier failure's, or another instance's in flight: applying one
   * twice is a no-op), then takes and applies new batches of up to {@value #IDS_PER_BATCH} ids
   * while they come back full (at most {@value #MAX_BATCHES_PER_FLUSH}). Throws if Redis or
   * PostgreSQL fails; what was taken stays in its batch.
   *
   * @return the views written to PostgreSQL by this call
   */
  long flushOnce() {
    long views = 0;
    RSet<String> batches = redisson.getSet(BATCHES, StringCodec.INSTANCE);
    for (String leftover : batches.readAll()) {
      views += applyAndRelease(leftover);
    }
    RSet<String> dirty = redisson.getSet(ProductViews.DIRTY, StringCodec.INSTANCE);
    for (int round = 0; round < MAX_BATCHES_PER_FLUSH; round++) {
      List<String> ids = List.copyOf(dirty.random(IDS_PER_BATCH));
      if (ids.isEmpty()) {
        break;
      }
      String flushId = UUID.randomUUID().toString();
      if (take(flushId, ids) > 0) {
        views += applyAndRelease(flushId);
      }
      if (ids.size() < IDS_PER_BATCH) {
        break; // that was all of them; ids dirtied since wait for the next flush
      }
    }
    if (views > 0) {
      forgetOldFlushes();
    }
    flushed.increment((double) views); // a count far below 2^53: exact as a double
    return views;
  }

  /** Moves the counters of {@code ids} into the batch {@code flushId}, atomically. */
  private int take(String flushId, List<String> ids) {
    List<Object> keys = new ArrayList<>(ids.size() + 3);
    keys.add(ProductViews.DIRTY);
    keys.add(BATCH + flushId);
    keys.add(BATCHES);
    List<Object> args = new ArrayList<>(ids.size() + 2);
    args.add(keyTtl.toMillis());
    args.add(flushId);
    for (String id : ids) {
      keys.add(ProductViews.COUNTER + id);
      args.add(id);
    }
    Long moved = take.runForLong(keys, args.toArray());
    return moved == null ? 0 : moved.intValue();
  }

  private long applyAndRelease(String flushId) {
    RMap<String, String> batch = redisson.getMap(BATCH + flushId, StringCodec.INSTANCE);
    Map<Long, Long> counts = new TreeMap<>(); // ascending ids: concurrent upserts lock in one order
    batch.readAllMap().forEach((id, views) -> counts.put(Long.valueOf(id), Long.valueOf(views)));
    long applied = counts.isEmpty()
        ? 0
        : Objects.requireNonNullElse(transactions.execute(status -> write(flushId, counts)), 0L);
    release(flushId);
    return applied;
  }

  /**
   * In one transaction: claims the flush id, then adds the counts. Views of products deleted in
   * the meantime are dropped (the join), so one such id cannot block the batch for ever.
   *
   * @return the views in the batch, or 0 if it was applied before
   */
  long write(String flushId, Map<Long, Long> counts) {
    int claimed = jdbc.sql("INSERT INTO view_flushes (flush_id) VALUES (?) ON CONFLICT DO NOTHING")
        .param(flushId).update();
    if (claimed == 0) {
      return 0;
    }
    jdbc.sql("""
        INSERT INTO product_views (product_id, views)
        SELECT p.id, v.views
        FROM unnest(?::bigint[], ?::bigint[]) AS v (product_id, views)
        JOIN products p ON p.id = v.product_id
        ORDER BY p.id
        ON CONFLICT (product_id) DO UPDATE SET views = product_views.views + EXCLUDED.views
        """).params(counts.keySet().toArray(Long[]::new), counts.values().toArray(Long[]::new))
        .update();
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  /** PostgreSQL has the batch: drop it from Redis. */
  void release(String flushId) {
    redisson.getKeys().delete(BATCH + flushId);
    redisson.getSet(BATCHES, StringCodec.INSTANCE).remove(flushId);
  }

  /**
   * A batch cannot outlive its TTL, so its flush id cannot be replayed later than that: older
   * rows only take space. Bounded per call.
   */
  private void forgetOldFlushes() {
    jdbc.sql("""
        DELETE FROM view_flushes WHERE flush_id IN (
          SELECT flush_id FROM view_flushes WHERE flushed_at < ? LIMIT 1000)
        """).param(OffsetDateTime.now(ZoneOffset.UTC).minus(keyTtl.multipliedBy(2))).update();
  }
}
