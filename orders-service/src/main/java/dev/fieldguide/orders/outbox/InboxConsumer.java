package dev.fieldguide.orders.outbox;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.fieldguide.orders.tracing.ContinuedTraces;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.stream.StreamCreateGroupArgs;
import org.redisson.api.stream.StreamMessageId;
import org.redisson.api.stream.StreamReadGroupArgs;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An idempotent consumer of the event stream: one consumer group, each message applied once.
 *
 * <p>The effect and an inbox row {@code (consumer, event_id)} commit in one transaction; the
 * message is acknowledged only after that commit. A redelivered message (the relay published twice,
 * or this consumer died between commit and ack) finds the inbox row and is only acknowledged. A
 * message left pending by a consumer that died before committing is reclaimed with
 * {@code XAUTOCLAIM} once it has been idle for {@code reclaimAfter}.
 */
public class InboxConsumer {

  private static final Logger log = LoggerFactory.getLogger(InboxConsumer.class);

  private static final int BATCH = 50;

  private final RStream<String, String> stream;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final EventHandler handler;
  private final String consumerName;
  private final Duration reclaimAfter;
  private final AtomicBoolean groupReady = new AtomicBoolean();
  private final ContinuedTraces traces;

  InboxConsumer(RedissonClient redisson, String streamName, JdbcClient jdbc,
      TransactionTemplate transactions, EventHandler handler, String consumerName,
      Duration reclaimAfter, ContinuedTraces traces) {
    this.stream = redisson.getStream(streamName, StringCodec.INSTANCE);
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.handler = handler;
    this.consumerName = consumerName;
    this.reclaimAfter = reclaimAfter;
    this.traces = traces;
  }

  /** The consumer group, e.g. {@code notifications}. */
  String name() {
    return handler.consumer();
  }

  /** Reclaims abandoned messages, reads new ones, applies and acknowledges each; returns count. */
  public int consumeOnce() {
    ensureGroup();
    Map<StreamMessageId, Map<String, String>> messages = new LinkedHashMap<>(stream.autoClaim(
        handler.consumer(), consumerName, reclaimAfter.toMillis(), TimeUnit.MILLISECONDS,
        StreamMessageId.MIN, BATCH).getMessages());
    messages.putAll(stream.readGroup(handler.consumer(), consumerName,
        StreamReadGroupArgs.neverDelivered().count(BATCH)));
    messages.forEach(this::process);
    return messages.size();
  }

  private void process(StreamMessageId id, Map<String, String> message) {
    UUID eventId = UUID.fromString(message.get("eventId"));
    // O2: applying the event continues the trace of the request that caused it.
    try (var traced = traces.start("consume " + message.get("type") + " by " + handler.consumer(),
        message.get("traceparent"), Map.of())) {
      boolean applied = Boolean.TRUE.equals(transactions.execute(tx -> {
        int firstTime = jdbc.sql("""
            INSERT INTO processed_events (consumer, event_id) VALUES (?, ?)
            ON CONFLICT DO NOTHING
            """).params(handler.consumer(), eventId).update();
        if (firstTime == 1) {
          handler.apply(message);
        }
        return firstTime == 1;
      }));
      stream.ack(handler.consumer(), id); // after the commit: a crash here means redelivery
      if (applied) {
        log.info("Event {} ({}) applied by {}", eventId, message.get("type"), handler.consumer());
      } else {
        log.debug("Event {} already applied by {}", eventId, handler.consumer());
      }
    }
  }

  private void ensureGroup() {
    if (groupReady.get()) {
      return;
    }
    try {
      stream.createGroup(StreamCreateGroupArgs.name(handler.consumer())
          .id(StreamMessageId.ALL).makeStream());
    } catch (RedisException e) {
      if (!String.valueOf(e.getMessage()).contains("BUSYGROUP")) {
        throw e;
      }
    }
    groupReady.set(true);
  }
}
