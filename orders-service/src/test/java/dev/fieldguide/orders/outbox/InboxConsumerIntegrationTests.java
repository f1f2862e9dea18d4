package dev.fieldguide.orders.outbox;

import static dev.fieldguide.orders.outbox.TestStream.drain;
import static dev.fieldguide.orders.outbox.TestStream.probed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.support.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jspecify.annotations.Nullable;
import org.redisson.api.RStream;
import org.redisson.api.stream.StreamAddArgs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * D5/PG9: the inbox applies each event once, read by its declared type and version — also when
 * the relay publishes it twice and when a consumer dies before acknowledging; a message in a
 * version the consumer cannot read is rejected, counted and left pending, never misread, until
 * its last delivery dead-letters it; re-driven once a reader is deployed, it is applied.
 *
 * <p>Each test has a stream of its own and a probe event, so no other test's messages meet it.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class InboxConsumerIntegrationTests {

  private static final String PROBE = "probe";

  @Autowired
  Inbox inbox;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  MeterRegistry meters;

  @Autowired
  OutboxProperties properties;

  @Autowired
  DeadLetters deadLetters;

  private TestStream stream;
  private final Probe probe = new Probe();

  @BeforeEach
  void ownStream() {
    stream = new TestStream(inbox, properties);
  }

  @Test
  void anEventPublishedTwiceIsAppliedOnceAndCountedOnceAsADuplicate() {
    double appliedBefore = count("fieldguide.inbox.applied");
    double duplicatesBefore = count("fieldguide.inbox.duplicates");
    OutboxEvent event = probed(1, "{\"n\": 7}");
    publish(event);
    publish(event); // the relay crashed after XADD, before marking: published again

    drain(consumer(probe, "c-1", Duration.ofSeconds(30), 5));

    assertThat(probe.applied).containsExactly(new InboxProbed(7));
    assertThat(processedRows(event.id())).isOne();
    assertThat(pending()).isZero();
    assertThat(count("fieldguide.inbox.applied")).isEqualTo(appliedBefore + 1);
    assertThat(count("fieldguide.inbox.duplicates")).isEqualTo(duplicatesBefore + 1);
  }

  @Test
  void aMessageLeftPendingByADeadConsumerIsReclaimedAndAppliedOnce() {
    OutboxEvent event = probed(1, "{\"n\": 8}");
    publish(event);
    probe.dieOn = event.id();
    var doomed = consumer(probe, "dies", Duration.ofHours(1), 5);
    assertThat(doomed.consumeOnce()).as("settled").isZero(); // pending for the dead consumer
    assertThat(probe.applied).isEmpty();
    assertThat(pending()).isOne();

    drain(consumer(probe, "survivor", Duration.ZERO, 5));

    assertThat(probe.applied).containsExactly(new InboxProbed(8));
    assertThat(processedRows(event.id())).isOne();
  }

  @Test
  void messagesOfOtherTypesAreAcknowledgedWithoutReachingTheConsumer() {
    OutboxEvent other = new OutboxEvent(UUID.randomUUID(), "test", "1", "SomethingElse", 1,
        "{\"n\": 1}", null, 0);
    publish(other);

    drain(consumer(probe, "c-1", Duration.ofSeconds(30), 5));

    assertThat(probe.applied).isEmpty();
    assertThat(pending()).isZero();
    assertThat(processedRows(other.id())).isZero();
  }

  @Test
  void anUnknownVersionIsRejectedCountedAndLeftPending(CapturedOutput output) {
    double rejectedBefore = rejected();
    OutboxEvent newer = probed(2, "{\"n\": 9, \"note\": \"v2\"}");
    publish(newer);

    drain(consumer(probe, "c-1", Duration.ofSeconds(30), 5));

    assertThat(probe.applied).isEmpty();
    assertThat(pending()).as("left for a consumer that reads v2").isOne();
    assertThat(processedRows(newer.id())).isZero();
    assertThat(rejected()).isEqualTo(rejectedBefore + 1);
    assertThat(output.getAll()).contains("Event " + newer.id() + " (InboxProbed v2) rejected by "
        + PROBE + ": it reads InboxProbed v1 only");
  }

  @Test
  void aPayloadThatIsNotItsDeclaredVersionIsRejectedNotReadWithDefaults() {
    double rejectedBefore = rejected();
    publish(probed(1, "{}")); // Jackson alone would read n as 0

    drain(consumer(probe, "c-1", Duration.ofSeconds(30), 5));

    assertThat(probe.applied).isEmpty();
    assertThat(pending()).isOne();
    assertThat(rejected()).isEqualTo(rejectedBefore + 1);
  }

  @Test
  void aRejectedMessageIsDeadLetteredAtTheCapAndAppliedWhenReDrivenToAReader() {
    OutboxEvent newer = probed(2, "{\"n\": 10, \"note\": \"v2\"}");
    publish(newer);
    var v1Only = consumer(probe, "c-1", Duration.ZERO, 2);

    assertThat(v1Only.consumeOnce()).as("delivery 1: rejected, left pending").isZero();
    assertThat(v1Only.consumeOnce()).as("delivery 2 of 2: dead-lettered").isOne();

    assertThat(pending()).isZero();
    DeadLetterView letter = deadLetters.page(PROBE, null, 200).stream()
        .filter(l -> l.stream().equals(stream.name())).findFirst().orElseThrow();
    assertThat(letter.eventId()).isEqualTo(newer.id());
    assertThat(letter.eventVersion()).isEqualTo("2");
    assertThat(letter.deliveries()).isEqualTo(2);
    assertThat(letter.lastError()).isEqualTo("it reads InboxProbed v1 only");
    assertThat(letter.fields()).containsEntry("payload", newer.payload());

    var reader = new ProbeV2(); // the release that reads v2, in the same group
    assertThat(deadLetters.redrive(letter.id())).isPresent();
    drain(stream.consumer(reader, "c-2", Duration.ofSeconds(30), 2));

    assertThat(reader.applied).containsExactly(new InboxProbedV2(10, "v2"));
    assertThat(processedRows(newer.id())).isOne();
    assertThat(pending()).isZero();
  }

  @Test
  void aMessageFromBeforeVersionsTravelledIsReadAsVersionOne() {
    UUID eventId = UUID.randomUUID();
    messages().add(StreamAddArgs.entries(Map.of("eventId", eventId.toString(), "type",
        "InboxProbed", "aggregateType", "test", "aggregateId", "1", "payload", "{\"n\": 3}")));

    drain(consumer(probe, "c-1", Duration.ofSeconds(30), 5));

    assertThat(probe.applied).containsExactly(new InboxProbed(3));
    assertThat(pending()).isZero();
  }

  /** A test event: declared like a real one, but only this class publishes and reads it. */
  @StreamEvent(type = "InboxProbed", version = 1)
  record InboxProbed(long n) {}

  /** Version 2 of the test event, as the release that reads it declares it. */
  @StreamEvent(type = "InboxProbed", version = 2)
  record InboxProbedV2(long n, String note) {}

  /** The probe group's consumer in that release. */
  static final class ProbeV2 implements EventConsumer<InboxProbedV2> {
    final List<InboxProbedV2> applied = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
      return PROBE;
    }

    @Override
    public Class<InboxProbedV2> eventType() {
      return InboxProbedV2.class;
    }

    @Override
    public void apply(InboxProbedV2 event, EventMetadata metadata) {
      applied.add(event);
    }
  }

  /** Records what it applies; dies (throws before the commit) once on {@link #dieOn}. */
  static final class Probe implements EventConsumer<InboxProbed> {
    final List<InboxProbed> applied = new CopyOnWriteArrayList<>();
    volatile @Nullable UUID dieOn;

    @Override
    public String name() {
      return PROBE;
    }

    @Override
    public Class<InboxProbed> eventType() {
      return InboxProbed.class;
    }

    @Override
    public void apply(InboxProbed event, EventMetadata metadata) {
      if (metadata.eventId().equals(dieOn)) {
        dieOn = null;
        throw new IllegalStateException("consumer died before commit and ack");
      }
      applied.add(event);
    }
  }

  private InboxConsumer<InboxProbed> consumer(Probe consumer, String name, Duration reclaimAfter,
      int maxDeliveries) {
    return stream.consumer(consumer, name, reclaimAfter, maxDeliveries);
  }

  private void publish(OutboxEvent event) {
    stream.publish(event);
  }

  private RStream<String, String> messages() {
    return stream.messages();
  }

  private long pending() {
    return messages().getPendingInfo(PROBE).getTotal();
  }

  private double rejected() {
    return count("fieldguide.inbox.rejected");
  }

  private double count(String counter) {
    return meters.counter(counter, "consumer", PROBE).count();
  }

  private long processedRows(UUID eventId) {
    return jdbc.sql("SELECT count(*) FROM processed_events WHERE consumer = ? AND event_id = ?")
        .params(PROBE, eventId).query(Long.class).single();
  }
}
