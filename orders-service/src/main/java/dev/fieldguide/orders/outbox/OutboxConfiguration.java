package dev.fieldguide.orders.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.redisson.api.RedissonClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the relay to Redis and runs it on a fixed delay in the worker role. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxProperties.class)
class OutboxConfiguration {

  @Bean
  OutboxRelay outboxRelay(JdbcClient jdbc, TransactionTemplate transactions,
      RedisStreamPublisher publisher, OutboxProperties properties, MeterRegistry meters) {
    return new OutboxRelay(jdbc, transactions, publisher, properties, meters);
  }

  @Bean
  OutboxBacklog outboxBacklog(JdbcClient jdbc, MeterRegistry meters) {
    return new OutboxBacklog(jdbc, meters);
  }

  /** One idempotent consumer per handler, all named after this process. */
  @Bean
  List<InboxConsumer> inboxConsumers(RedissonClient redisson, OutboxProperties properties,
      JdbcClient jdbc, TransactionTemplate transactions, List<EventHandler> handlers) {
    String me = "consumer-" + ProcessHandle.current().pid();
    return handlers.stream().map(handler -> new InboxConsumer(redisson, properties.stream(), jdbc,
        transactions, handler, me, properties.reclaimAfter())).toList();
  }

  /** Consumes on a fixed delay in the worker role. */
  @Configuration(proxyBeanMethods = false)
  @EnableScheduling
  @ConditionalOnBooleanProperty(name = "fieldguide.outbox.consumers.enabled", matchIfMissing = true)
  static class ConsumerSchedule {

    private final List<InboxConsumer> consumers;

    ConsumerSchedule(List<InboxConsumer> consumers) {
      this.consumers = consumers;
    }

    @Scheduled(fixedDelayString = "${fieldguide.outbox.poll-interval:PT0.2S}")
    void poll() {
      consumers.forEach(InboxConsumer::consumeOnce);
    }
  }

  /** Polls while there is work: a full batch is followed at once by the next claim. */
  @Configuration(proxyBeanMethods = false)
  @EnableScheduling
  @ConditionalOnBooleanProperty(name = "fieldguide.outbox.relay.enabled", matchIfMissing = true)
  static class RelaySchedule {

    private final OutboxRelay relay;
    private final OutboxBacklog backlog;
    private final OutboxProperties properties;

    RelaySchedule(OutboxRelay relay, OutboxBacklog backlog, OutboxProperties properties) {
      this.relay = relay;
      this.backlog = backlog;
      this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${fieldguide.outbox.poll-interval:PT0.2S}")
    void poll() {
      while (relay.relayOnce() == properties.batchSize()) {
        // drain a backlog without waiting for the next tick
      }
      backlog.refresh();
    }
  }

  /**
   * {@code fieldguide.outbox.pending} and {@code fieldguide.outbox.lag} (seconds since the oldest
   * unsent event was written), refreshed by the relay rather than queried on every scrape.
   */
  static final class OutboxBacklog {
    private final JdbcClient jdbc;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong lagMillis = new AtomicLong();

    OutboxBacklog(JdbcClient jdbc, MeterRegistry meters) {
      this.jdbc = jdbc;
      Gauge.builder("fieldguide.outbox.pending", pending, AtomicLong::get)
          .description("Outbox events not yet published").register(meters);
      Gauge.builder("fieldguide.outbox.lag", lagMillis, l -> l.get() / 1000.0)
          .baseUnit("seconds").description("Age of the oldest unpublished event")
          .register(meters);
    }

    void refresh() {
      jdbc.sql("""
          SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)) * 1000, 0)
          FROM outbox_events WHERE status = 'PENDING'
          """).query(rs -> {
        pending.set(rs.getLong(1));
        lagMillis.set(Math.round(rs.getDouble(2)));
      });
    }
  }
}
