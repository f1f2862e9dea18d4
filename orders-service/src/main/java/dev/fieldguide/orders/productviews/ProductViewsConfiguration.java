package dev.fieldguide.orders.productviews;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
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
 * batch survives in Redis), {@code fieldguide.views.flush-interval} and
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
  FlushLoop productViewFlushLoop(ProductViewFlusher flusher,
      @Value("${fieldguide.views.flush-interval:PT10S}") Duration interval) {
    return new FlushLoop(flusher, interval);
  }

  /**
   * Calls {@code flushOnce()} on a fixed delay, on one thread, from context start to close. A
   * failed flush is logged and tried again next time; what it had taken waits in Redis.
   */
  static final class FlushLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FlushLoop.class);

    private final ProductViewFlusher flusher;
    private final Duration interval;
    private volatile @Nullable ScheduledExecutorService scheduler;
    private volatile @Nullable ScheduledFuture<?> schedule;

    FlushLoop(ProductViewFlusher flusher, Duration interval) {
      this.flusher = flusher;
      this.interval = interval;
    }

    @Override
    public void start() {
      ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(
          Thread.ofVirtual().name("product-view-flush").factory());
      schedule = started.scheduleWithFixedDelay(this::flush, interval.toMillis(),
          interval.toMillis(), TimeUnit.MILLISECONDS);
      scheduler = started;
    }

    private void flush() {
      try {
        flusher.flushOnce();
      } catch (RuntimeException e) {
        // An exception escaping here would cancel the schedule for good.
        log.warn("Product view flush failed; retrying in {}", interval, e);
      }
    }

    @Override
    public void stop() {
      ScheduledFuture<?> loop = schedule;
      if (loop != null) {
        loop.cancel(true); // ends the loop: no further runs, a running flush is interrupted
      }
      ScheduledExecutorService running = scheduler;
      if (running != null) {
        running.shutdownNow(); // and frees its thread
      }
      schedule = null;
      scheduler = null;
    }

    @Override
    public boolean isRunning() {
      return scheduler != null;
    }
  }
}
