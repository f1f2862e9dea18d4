package dev.fieldguide.orders.productviews;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * View counting and its flush: {@code fieldguide.views.key-ttl} (how long an unflushed count or
 * batch survives in Redis), {@code fieldguide.views.push-interval} (how often an instance's
 * tallies go to Redis), {@code fieldguide.views.flush-interval} and
 * {@code fieldguide.views.flush.enabled} (off in tests, which call {@code flushOnce()}).
 */
@Configuration(proxyBeanMethods = false)
class ProductViewsConfiguration {

  @Bean
  ProductViews productViews(RedissonClient redisson,
      @Value("${fieldguide.views.key-ttl:P1D}") Duration keyTtl, MeterRegistry meters) {
    return new ProductViews(redisson, keyTtl, meters);
  }

  @Bean
  ProductViewFlusher productViewFlusher(RedissonClient redisson, JdbcClient jdbc,
      TransactionTemplate transactions, @Value("${fieldguide.views.key-ttl:P1D}") Duration keyTtl,
      MeterRegistry meters) {
    return new ProductViewFlusher(redisson, jdbc, transactions, keyTtl, meters);
  }

  @Bean
  @ConditionalOnBooleanProperty(name = "fieldguide.views.flush.enabled", matchIfMissing = true)
  FixedDelayLoop productViewFlushLoop(ProductViewFlusher flusher,
      @Value("${fieldguide.views.flush-interval:PT10S}") Duration interval) {
    return new FixedDelayLoop("product-view-flush", flusher::flushOnce, interval, false);
  }

  @Bean
  FixedDelayLoop productViewPushLoop(ProductViews views,
      @Value("${fieldguide.views.push-interval:PT0.1S}") Duration interval) {
    // A last push on the way down: views tallied before a graceful shutdown are not dropped.
    return new FixedDelayLoop("product-view-push", views::pushOnce, interval, true);
  }

  /**
   * Runs a task on a fixed delay, on one virtual thread, from context start to close. A failed
   * run is logged and tried again next time. Not the outbox's {@code PollingLoop}: that one runs
   * again at once while it finds work, which would send views one push per handful instead of
   * one per interval.
   */
  static final class FixedDelayLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FixedDelayLoop.class);

    private final String name;
    private final Runnable task;
    private final Duration interval;
    private final boolean runOnStop;
    private volatile @Nullable ScheduledExecutorService scheduler;

    FixedDelayLoop(String name, Runnable task, Duration interval, boolean runOnStop) {
      this.name = name;
      this.task = task;
      this.interval = interval;
      this.runOnStop = runOnStop;
    }

    @Override
    @SuppressWarnings("FutureReturnValueIgnored") // runOnce() catches; shutdownNow() ends it
    public void start() {
      ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(
          Thread.ofVirtual().name(name).factory());
      started.scheduleWithFixedDelay(this::runOnce, interval.toMillis(), interval.toMillis(),
          TimeUnit.MILLISECONDS);
      scheduler = started;
    }

    private void runOnce() {
      try {
        task.run();
      } catch (RuntimeException e) {
        // An exception escaping here would cancel the schedule for good.
        log.warn("{} failed; retrying in {}", name, interval, e);
      }
    }

    @Override
    public void stop() {
      ScheduledExecutorService running = scheduler;
      if (running != null) {
        running.shutdownNow(); // no further runs; a running one is interrupted
      }
      scheduler = null;
      if (runOnStop) {
        runOnce();
      }
    }

    @Override
    public boolean isRunning() {
      return scheduler != null;
    }
  }
}
