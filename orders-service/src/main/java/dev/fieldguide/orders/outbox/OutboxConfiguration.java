package dev.fieldguide.orders.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import dev.fieldguide.orders.tracing.ContinuedTraces;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the relay to Redis and the consumers to the stream, each on its own polling loop. */
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

  @Bean
  Inbox inbox(RedissonClient redisson, OutboxProperties properties, JdbcClient jdbc,
      TransactionTemplate transactions, DeadLetters deadLetters, ContinuedTraces traces,
      MeterRegistry meters) {
    return new Inbox(redisson, properties.stream(), jdbc, transactions, deadLetters, traces,
        meters);
  }

  /** One idempotent inbox consumer per {@link EventConsumer}, all named after this process. */
  @Bean
  List<InboxConsumer<?>> inboxConsumers(Inbox inbox, OutboxProperties properties,
      List<EventConsumer<?>> consumers) {
    String me = "consumer-" + ProcessHandle.current().pid();
    return consumers.stream().<InboxConsumer<?>>map(consumer -> new InboxConsumer<>(inbox,
        consumer, me, properties.reclaimAfter(), properties.maxDeliveries())).toList();
  }

  /**
   * The worker role's background loops: the relay (claims again at once while batches come back
   * full) and one loop per consumer group; each can be switched off, as tests do.
   */
  @Bean
  PollingLoops outboxLoops(OutboxRelay relay, OutboxBacklog backlog,
      List<InboxConsumer<?>> consumers,
      @Value("${fieldguide.outbox.poll-interval:PT0.2S}") Duration pollInterval,
      @Value("${fieldguide.outbox.relay.enabled:true}") boolean relayEnabled,
      @Value("${fieldguide.outbox.consumers.enabled:true}") boolean consumersEnabled) {
    List<PollingLoop> loops = new ArrayList<>();
    if (relayEnabled) {
      loops.add(new PollingLoop("outbox-relay", () -> {
        int claimed = relay.relayOnce();
        backlog.refresh();
        return claimed;
      }, pollInterval));
    }
    if (consumersEnabled) {
      consumers.forEach(consumer -> loops.add(new PollingLoop("inbox-" + consumer.name(),
          consumer::consumeOnce, pollInterval)));
    }
    return new PollingLoops(loops);
  }

  /** Starts the loops with the application context and stops them before it closes. */
  static final class PollingLoops implements SmartLifecycle {
    private final List<PollingLoop> loops;
    private volatile boolean running;

    PollingLoops(List<PollingLoop> loops) {
      this.loops = List.copyOf(loops);
    }

    @Override
    public void start() {
      loops.forEach(PollingLoop::start);
      running = true;
    }

    @Override
    public void stop() {
      loops.forEach(PollingLoop::stop);
      running = false;
    }

    @Override
    public boolean isRunning() {
      return running;
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
