package dev.fieldguide.orders.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.fixtures.Concurrently;
import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.TestData;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.api.stream.StreamMessageId;
import org.redisson.api.stream.StreamRangeArgs;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * D5/PG9: the relay publishes committed events to the Redis Stream with their id and trace
 * context; concurrent relays never publish a claimed row twice; failures back off, die, and can
 * be re-driven.
 */
@IntegrationTest
class OutboxRelayIntegrationTests {

  @Autowired
  Api api;

  @Autowired
  TestData data;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  TransactionTemplate transactions;

  @Autowired
  OutboxRelay relay;

  @Autowired
  RedisStreamPublisher redisPublisher;

  @Autowired
  OutboxProperties properties;

  @Autowired
  MeterRegistry meters;

  @Autowired
  RedissonClient redisson;

  @Test
  void aPlacedOrdersEventReachesTheStreamWithItsIdTypeVersionAndTraceparent() {
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    var placed = api.placeOrder(data.customer(), data.productWithStock(300, 5), 1,
        Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));
    String orderId = String.valueOf(placed.jsonBody().path("id").asLong());
    UUID eventId = jdbc
        .sql("SELECT id FROM outbox_events WHERE aggregate_type = 'order' AND aggregate_id = ?")
        .param(orderId)
        .query(UUID.class).single();

    drain();

    Map<String, String> message = streamMessages().getOrDefault(eventId.toString(), Map.of());
    assertThat(message).containsEntry("type", "OrderPlaced").containsEntry("version", "1")
        .containsEntry("aggregateId", orderId);
    assertThat(message.getOrDefault("traceparent", "")).startsWith("00-" + traceId + "-");
    assertThat(jdbc.sql("SELECT status FROM outbox_events WHERE id = ?").param(eventId)
        .query(String.class).single()).isEqualTo("SENT");
  }

  @Test
  void relaysRunningAtOnceNeverPublishAClaimedEventTwice() {
    Set<String> ids = insertPendingEvents(300);
    Concurrently.run(3, i -> () -> {
      int total = 0;
      int claimed;
      do {
        claimed = relay.relayOnce();
        total += claimed;
      } while (claimed > 0);
      return total;
    });

    Map<String, Long> published = streamEventIds().stream().filter(ids::contains)
        .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
    assertThat(published).hasSize(300);
    assertThat(published.values()).containsOnly(1L);
    assertThat(streamMessages().get(ids.iterator().next()))
        .as("a row written without a version, as before V22, travels as version 1")
        .containsEntry("version", "1");
  }

  @Test
  void aFailingEventBacksOffExponentiallyThenDiesAndCanBeRedriven() {
    UUID failing = UUID.fromString(insertPendingEvents(1).iterator().next());
    OutboxPublisher brokenForOne = event -> {
      if (event.id().equals(failing)) {
        throw new IllegalStateException("broker unavailable");
      }
      redisPublisher.publish(event);
    };
    var props = new OutboxProperties(properties.stream(), properties.streamMaxLength(), 100, 3,
        Duration.ofSeconds(1),
        Duration.ofMinutes(1), Duration.ofSeconds(30), properties.maxDeliveries());
    var flakyRelay = new OutboxRelay(jdbc, transactions, brokenForOne, props, meters);

    List<Double> delays = new ArrayList<>();
    for (int attempt = 1; attempt <= 3; attempt++) {
      flakyRelay.relayOnce();
      delays.add(jdbc.sql("SELECT extract(epoch FROM next_attempt_at - now()) FROM outbox_events"
          + " WHERE id = ?").param(failing).query(Double.class).single());
      jdbc.sql(
          "UPDATE outbox_events SET next_attempt_at = now() WHERE id = ? AND status = 'PENDING'")
          .param(failing).update(); // skip the wait instead of sleeping through it
    }

    assertThat(delays.get(0)).isBetween(0.4, 1.0);
    assertThat(delays.get(1)).isBetween(0.9, 2.0);
    assertThat(statusOf(failing)).isEqualTo("DEAD");
    assertThat(jdbc.sql("SELECT attempts FROM outbox_events WHERE id = ?").param(failing)
        .query(Integer.class).single()).isEqualTo(3);

    var redrive = api.post("/admin/outbox/dead/redrive", "", Map.of());
    assertThat(redrive.jsonBody().path("redriven").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(statusOf(failing)).isEqualTo("PENDING");
    drain();
    assertThat(statusOf(failing)).isEqualTo("SENT");
  }

  private String statusOf(UUID id) {
    return jdbc.sql("SELECT status FROM outbox_events WHERE id = ?").param(id)
        .query(String.class).single();
  }

  private void drain() {
    while (relay.relayOnce() > 0) {
      // claim until nothing is due
    }
  }

  private Set<String> insertPendingEvents(int count) {
    return Set.copyOf(jdbc.sql("""
        INSERT INTO outbox_events (id, aggregate_type, aggregate_id, event_type, payload)
        SELECT gen_random_uuid(), 'test', g::text, 'TestHappened', jsonb_build_object('n', g)
        FROM generate_series(1, ?) g
        RETURNING id::text
        """).param(count).query(String.class).list());
  }

  private Map<String, Map<String, String>> streamMessages() {
    Map<String, Map<String, String>> byEventId = new HashMap<>();
    redisson.<String, String>getStream(properties.stream(), StringCodec.INSTANCE)
        .range(StreamRangeArgs.startId(StreamMessageId.MIN).endId(StreamMessageId.MAX))
        .values().forEach(fields -> byEventId.put(fields.get("eventId"), fields));
    return byEventId;
  }

  private List<String> streamEventIds() {
    return redisson.<String, String>getStream(properties.stream(), StringCodec.INSTANCE)
        .range(StreamRangeArgs.startId(StreamMessageId.MIN).endId(StreamMessageId.MAX))
        .values().stream().map(fields -> fields.get("eventId")).toList();
  }
}
