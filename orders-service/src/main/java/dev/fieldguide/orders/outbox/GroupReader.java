package dev.fieldguide.orders.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.redisson.api.RStream;
import org.redisson.api.stream.PendingEntry;
import org.redisson.api.stream.StreamCreateGroupArgs;
import org.redisson.api.stream.StreamMessageId;
import org.redisson.api.stream.StreamPendingRangeArgs;
import org.redisson.api.stream.StreamReadGroupArgs;
import org.redisson.client.RedisException;

/**
 * One consumer's reads of its group on the stream: the messages that waited unacknowledged for
 * {@code reclaimAfter} (whoever had them), then new ones, each with how often the group has
 * delivered it.
 */
final class GroupReader {

  private static final int BATCH = 50;

  private final RStream<String, String> stream;
  private final String group;
  private final String consumerName;
  private final Duration reclaimAfter;
  private final AtomicBoolean groupReady = new AtomicBoolean();

  GroupReader(RStream<String, String> stream, String group, String consumerName,
      Duration reclaimAfter) {
    this.stream = stream;
    this.group = group;
    this.consumerName = consumerName;
    this.reclaimAfter = reclaimAfter;
  }

  /** One delivery of a message to the group; {@code count} includes this one. */
  record Delivery(StreamMessageId id, Map<String, String> fields, long count) {

    String eventId() {
      return String.valueOf(fields.get("eventId"));
    }

    /** Messages published before versions travelled on the stream were all version 1. */
    String version() {
      return fields.getOrDefault("version", "1");
    }
  }

  /** Up to {@value #BATCH} reclaimed messages, then up to {@value #BATCH} new ones. */
  List<Delivery> next() {
    ensureGroup();
    List<Delivery> deliveries = new ArrayList<>(reclaim());
    stream.readGroup(group, consumerName, StreamReadGroupArgs.neverDelivered().count(BATCH))
        .forEach((id, fields) -> deliveries.add(new Delivery(id, fields, 1)));
    return deliveries;
  }

  void ack(StreamMessageId id) {
    stream.ack(group, id);
  }

  /**
   * {@code XPENDING ... IDLE} then {@code XCLAIM}: unlike {@code XAUTOCLAIM}, the pending entries
   * carry the group's delivery count, which the cap needs. The claim checks the idle time again,
   * so of two consumers reclaiming at once only one gets a message; it counts one more delivery.
   */
  private List<Delivery> reclaim() {
    List<PendingEntry> idle = stream.listPending(StreamPendingRangeArgs.groupName(group)
        .startId(StreamMessageId.MIN).endId(StreamMessageId.MAX).count(BATCH)
        .idleTime(reclaimAfter));
    if (idle.isEmpty()) {
      return List.of();
    }
    Map<StreamMessageId, Map<String, String>> claimed = stream.claim(group, consumerName,
        reclaimAfter.toMillis(), TimeUnit.MILLISECONDS,
        idle.stream().map(PendingEntry::getId).toArray(StreamMessageId[]::new));
    List<Delivery> reclaimed = new ArrayList<>();
    for (PendingEntry entry : idle) {
      Map<String, String> fields = claimed.get(entry.getId());
      if (fields != null) {
        reclaimed.add(new Delivery(entry.getId(), fields, entry.getDeliveryCount() + 1));
      }
    }
    return reclaimed;
  }

  private void ensureGroup() {
    if (groupReady.get()) {
      return;
    }
    try {
      stream.createGroup(StreamCreateGroupArgs.name(group).id(StreamMessageId.ALL).makeStream());
    } catch (RedisException e) {
      if (!String.valueOf(e.getMessage()).contains("BUSYGROUP")) {
        throw e;
      }
    }
    groupReady.set(true);
  }
}
