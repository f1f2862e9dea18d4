package dev.fieldguide.orders.outbox;

import static dev.fieldguide.orders.outbox.TestStream.drain;
import static dev.fieldguide.orders.outbox.TestStream.probed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fieldguide.fixtures.Concurrently;
import dev.fieldguide.orders.outbox.DeadLetters.DeadLetter;
import dev.fieldguide.orders.outbox.InboxConsumerIntegrationTests.InboxProbed;
import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * D5: a message whose handler always throws (a poison message) is retried up to the delivery
 * cap, then dead-lettered and acknowledged, while every other message of its batch is applied;
 * the group's lag and pending count return to 0. An operator re-drives a dead letter once: the
 * message is appended again exactly once, however many calls race, and goes through the inbox,
 * so an event applied already is not applied twice.
 *
 * <p>Each test has a stream of its own; the probe event and group are those of {@link
 * InboxConsumerIntegrationTests}.
 */
@IntegrationTest
class PoisonMessageIntegrationTests {

  private static final Logger log = LoggerFactory.getLogger(PoisonMessageIntegrationTests.class);

  private static final String GROUP = "poison-probe";
  private static final int CAP = 5;

  @Autowired
  Inbox inbox;

  @Autowired
  OutboxProperties properties;

  @Autowired
  DeadLetters deadLetters;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  MeterRegistry meters;

  @Autowired
  Api api;

  private TestStream stream;
  private final PoisonedProbe probe = new PoisonedProbe();

  @BeforeEach
  void ownStream() {
    stream = new TestStream(inbox, properties);
  }

  @Test
  void onePoisonMessageAmongAHundredIsDeadLetteredAndTheOtherNinetyNineApplied() {
    List<OutboxEvent> events = IntStream.range(0, 100)
        .mapToObj(n -> probed(1, "{\"n\": %d}".formatted(n))).toList();
    OutboxEvent poison = events.get(37);
    probe.poisoned.add(poison.id());
    events.forEach(stream::publish);
    double deadBefore = counter("fieldguide.inbox.dead.lettered");
    double failedBefore = counter("fieldguide.inbox.failed");
    // The worker's arrangement: the consumer on its own loop, retrying a failed message as soon
    // as it has been idle for reclaimAfter (tiny here, 30 s in production).
    var consumer = stream.consumer(probe, "c-1", Duration.ofMillis(20), CAP);
    var loop = new PollingLoop("inbox-poison-test", consumer::consumeOnce, Duration.ofMillis(10));

    long started = System.nanoTime();
    loop.start();
    try {
      await().atMost(Duration.ofSeconds(30))
          .until(() -> counter("fieldguide.inbox.dead.lettered") == deadBefore + 1
              && gauge("fieldguide.inbox.lag") == 0
              && gauge("fieldguide.inbox.pending") == 0);
    } finally {
      loop.stop();
    }
    long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
    log.info("Poison test: {} applied, {} dead-lettered in {} ms", probe.applied.size(),
        deadLetters(poison.id()).size(), millis);

    assertThat(probe.applied).hasSize(99).doesNotContain(poison.id());
    assertThat(stream.group(GROUP).getLag()).isZero();
    assertThat(stream.group(GROUP).getPending()).isZero();
    assertThat(counter("fieldguide.inbox.failed")).isEqualTo(failedBefore + CAP);
    DeadLetterView letter = deadLetters(poison.id()).getFirst();
    assertThat(letter.consumer()).isEqualTo(GROUP);
    assertThat(letter.eventType()).isEqualTo("InboxProbed");
    assertThat(letter.eventVersion()).isEqualTo("1");
    assertThat(letter.deliveries()).isEqualTo(CAP);
    assertThat(letter.lastError()).contains("poisoned by the test");
    assertThat(letter.fields()).isEqualTo(RedisStreamPublisher.fields(poison));
    assertThat(letter.redrivenAt()).isNull();
  }

  @Test
  void aMessageWhoseHandlerThrowsDoesNotHoldUpTheRestOfItsBatch() {
    OutboxEvent poison = probed(1, "{\"n\": 0}");
    probe.poisoned.add(poison.id());
    stream.publish(poison); // first in the batch
    List<OutboxEvent> others = IntStream.range(1, 10)
        .mapToObj(n -> probed(1, "{\"n\": %d}".formatted(n))).toList();
    others.forEach(stream::publish);

    int settled = stream.consumer(probe, "c-1", Duration.ofSeconds(30), CAP).consumeOnce();

    assertThat(settled).isEqualTo(9);
    assertThat(probe.applied).containsExactlyElementsOf(others.stream().map(OutboxEvent::id)
        .toList());
    assertThat(stream.group(GROUP).getPending()).as("the poison, to be retried").isOne();
  }

  @Test
  void aDeadLetterIsReDrivenOnceAndAppliedOnceAfterTheHandlerIsFixed() {
    OutboxEvent poison = probed(1, "{\"n\": 1}");
    probe.poisoned.add(poison.id());
    stream.publish(poison);
    var consumer = stream.consumer(probe, "c-1", Duration.ZERO, 2);
    assertThat(consumer.consumeOnce()).as("delivery 1: failed, left pending").isZero();
    assertThat(consumer.consumeOnce()).as("delivery 2 of 2: dead-lettered").isOne();
    long id = deadLetters(poison.id()).getFirst().id();
    var listed = api.get("/admin/inbox/dead-letters?consumer=" + GROUP + "&limit=200");
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.jsonBody().valueStream().map(l -> l.path("id").asLong())).contains(id);

    probe.poisoned.clear(); // the handler is fixed and deployed
    long length = stream.messages().size();
    List<Integer> statuses = Concurrently.run(8, i -> () -> api.post(
        "/admin/inbox/dead-letters/" + id + "/redrive", "", Map.of()).status());
    drain(consumer);

    assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 409);
    assertThat(stream.messages().size()).as("appended once").isEqualTo(length + 1);
    assertThat(probe.applied).containsExactly(poison.id());
    var again = api.post("/admin/inbox/dead-letters/" + id + "/redrive", "", Map.of());
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.header("Content-Type")).startsWith("application/problem+json");
    assertThat(again.jsonBody().path("code").asString()).isEqualTo("DEAD_LETTER_ALREADY_REDRIVEN");
  }

  @Test
  void aReDrivenEventThatWasAppliedAlreadyIsOnlyAcknowledged() {
    OutboxEvent event = probed(1, "{\"n\": 2}");
    stream.publish(event);
    var consumer = stream.consumer(probe, "c-1", Duration.ZERO, CAP);
    drain(consumer);
    // A copy of the same event died in the group (the relay published it twice, say).
    deadLetters.record(new DeadLetter(GROUP, stream.name(), "0-1",
        RedisStreamPublisher.fields(event), CAP, "java.lang.IllegalStateException: copy"));

    var redriven = api.post("/admin/inbox/dead-letters/"
        + deadLetters(event.id()).getFirst().id() + "/redrive", "", Map.of());
    drain(consumer);

    assertThat(redriven.status()).isEqualTo(200);
    assertThat(redriven.jsonBody().path("redrivenAs").asString()).isNotBlank();
    assertThat(probe.applied).containsExactly(event.id());
    assertThat(stream.group(GROUP).getPending()).isZero();
  }

  @Test
  void aDeadLetterThatDoesNotExistIsA404Problem() {
    var response = api.post("/admin/inbox/dead-letters/" + Long.MAX_VALUE + "/redrive", "",
        Map.of());

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.jsonBody().path("code").asString()).isEqualTo("DEAD_LETTER_NOT_FOUND");
  }

  private List<DeadLetterView> deadLetters(UUID eventId) {
    return deadLetters.page(GROUP, null, 200).stream()
        .filter(l -> l.stream().equals(stream.name()) && eventId.equals(l.eventId())).toList();
  }

  private double counter(String name) {
    return meters.counter(name, "consumer", GROUP).count();
  }

  private double gauge(String name) {
    return meters.get(name).tags("consumer", GROUP, "stream", stream.name()).gauge().value();
  }

  /** Applies every probe event but the poisoned ones, on which it throws, every time. */
  static final class PoisonedProbe implements EventConsumer<InboxProbed> {
    final List<UUID> applied = new CopyOnWriteArrayList<>();
    final Set<UUID> poisoned = ConcurrentHashMap.newKeySet();

    @Override
    public String name() {
      return GROUP;
    }

    @Override
    public Class<InboxProbed> eventType() {
      return InboxProbed.class;
    }

    @Override
    public void apply(InboxProbed event, EventMetadata metadata) {
      if (poisoned.contains(metadata.eventId())) {
        throw new IllegalStateException("poisoned by the test: " + metadata.eventId());
      }
      applied.add(metadata.eventId());
    }
  }
}
