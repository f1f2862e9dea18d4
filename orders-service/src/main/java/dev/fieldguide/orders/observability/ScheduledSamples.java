package dev.fieldguide.orders.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Reads the values that cost I/O — SQL, a Redis {@code INFO} — on a schedule of its own, so
 * {@code /actuator/prometheus} never borrows a connection: a scrape serves the last reading of
 * each {@link SampledValue} and {@code fieldguide.metrics.sample.age{sample}}, how old it is.
 *
 * <p>Every {@code interval} one scheduler thread starts each reader on a virtual thread of its
 * own and waits for all of them until {@code timeout}; a reader still running then is interrupted
 * (a thread waiting for a pool connection gives up at once) and abandoned, and its value keeps
 * the old reading while its age grows. A reader still running is never started again beside
 * itself. A value never read shows NaN.
 */
@Component
@Primary
public class ScheduledSamples implements SmartLifecycle, DisposableBean {

  /** The name of the threads readers run on (statement counters can leave them out). */
  public static final String READER_THREAD_PREFIX = "metric-sample-";

  private final MeterRegistry meters;
  private final Duration interval;
  private final Duration timeout;
  private final List<SampledValue<?>> samples = new CopyOnWriteArrayList<>();
  private final ExecutorService readers = Executors
      .newThreadPerTaskExecutor(Thread.ofVirtual().name(READER_THREAD_PREFIX, 0).factory());
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
      Thread.ofPlatform().name("metric-sampler").daemon().factory());
  private volatile @Nullable ScheduledFuture<?> rounds;

  /** The metrics' schedule; {@link SampledHealthConfiguration} makes a faster one for health. */
  ScheduledSamples(MeterRegistry meters,
      @Value("${fieldguide.metrics.samples.interval:15s}") Duration interval,
      @Value("${fieldguide.metrics.samples.timeout:2s}") Duration timeout) {
    this.meters = meters;
    this.interval = interval;
    this.timeout = timeout;
  }

  /**
   * A value {@code reader} produces, read on this schedule; also registers its age gauge. The
   * caller registers the gauges that show it ({@link SampledValue#value}).
   *
   * @param name the gauge's name, or the prefix of the gauges that share one reading
   */
  public <T> SampledValue<T> register(String name, Callable<T> reader) {
    SampledValue<T> sample = new SampledValue<>(name, reader);
    Gauge.builder("fieldguide.metrics.sample.age", sample, SampledValue::ageSeconds)
        .tag("sample", name).baseUnit("seconds")
        .description("seconds since the sampled value was last read; NaN if never")
        .register(meters);
    samples.add(sample);
    return sample;
  }

  /**
   * Reads every value now and returns when all have answered or the timeout has passed; for a
   * caller that must see current values (a test, a lab), besides the schedule.
   */
  public void sampleNow() {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<SampledValue<?>, Future<?>> running = new LinkedHashMap<>();
    samples.forEach(sample -> running.put(sample, sample.start(readers)));
    running.forEach((sample, reading) -> {
      try {
        reading.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        sample.abandon();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException e) {
        // SampledValue handles its reader's failures; nothing reaches here.
      }
    });
  }

  @Override
  public void start() {
    rounds = scheduler.scheduleWithFixedDelay(this::sampleNow, 0, interval.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    ScheduledFuture<?> running = rounds;
    if (running != null) {
      running.cancel(true);
    }
    rounds = null;
  }

  @Override
  public boolean isRunning() {
    return rounds != null;
  }

  @Override
  public void destroy() {
    scheduler.shutdownNow();
    readers.shutdownNow();
  }
}
