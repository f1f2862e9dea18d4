package dev.fieldguide.orders.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.concurrent.atomic.AtomicLong;
import org.redisson.api.RStream;

/**
 * {@code fieldguide.inbox.lag} (entries not yet delivered to the group) and {@code
 * fieldguide.inbox.pending} (delivered, not yet acknowledged) of one consumer group, as {@code
 * XINFO GROUPS} last reported them. The consumer's own loop refreshes them after each batch; a
 * scrape reads the last values and sends no command to Redis.
 */
final class GroupBacklog {

  private final RStream<String, String> stream;
  private final String group;
  private final AtomicLong lag = new AtomicLong();
  private final AtomicLong pending = new AtomicLong();

  GroupBacklog(RStream<String, String> stream, String group, MeterRegistry meters) {
    this.stream = stream;
    this.group = group;
    // The stream is a tag too: a group is named per stream, and each stream's group its own series.
    Tags tags = Tags.of("consumer", group, "stream", stream.getName());
    Gauge.builder("fieldguide.inbox.lag", lag, AtomicLong::get).tags(tags)
        .description("Stream entries not yet delivered to the consumer group").register(meters);
    Gauge.builder("fieldguide.inbox.pending", pending, AtomicLong::get).tags(tags)
        .description("Messages delivered to the consumer group and not yet acknowledged")
        .register(meters);
  }

  /** One {@code XINFO GROUPS}; Redisson reads a lag Redis cannot tell (nil) as 0. */
  void refresh() {
    stream.listGroups().stream().filter(info -> info.getName().equals(group)).findFirst()
        .ifPresent(info -> {
          lag.set(info.getLag());
          pending.set(info.getPending());
        });
  }
}
