package dev.fieldguide.orders.observability;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last value one reader produced and when, for gauges to serve without doing the reader's
 * I/O themselves: a scrape reads memory, {@link ScheduledSamples} does the reading.
 *
 * @param <T> what one reading yields (a count, a timestamp, a whole {@code INFO} reply)
 */
public final class SampledValue<T> {

  private static final Logger log = LoggerFactory.getLogger(SampledValue.class);

  private final String name;
  private final Callable<T> reader;
  private final AtomicBoolean reading = new AtomicBoolean();
  private volatile Future<?> current = CompletableFuture.completedFuture(null);
  private volatile @Nullable Taken<T> last;
  private volatile @Nullable Thread runner;

  SampledValue(String name, Callable<T> reader) {
    this.name = name;
    this.reader = reader;
  }

  /** What the gauge shows: {@code value} of the last reading, NaN while there has been none. */
  public double value(ToDoubleFunction<? super T> value) {
    Taken<T> taken = last;
    return taken == null ? Double.NaN : value.applyAsDouble(taken.value());
  }

  /** The last reading itself, if there has been one. */
  @Nullable T latest() {
    Taken<T> taken = last;
    return taken == null ? null : taken.value();
  }

  /** Seconds since the last successful reading; NaN while there has been none. */
  double ageSeconds() {
    Taken<T> taken = last;
    return taken == null ? Double.NaN : (System.nanoTime() - taken.atNanos()) / 1e9;
  }

  String name() {
    return name;
  }

  /**
   * Starts a reading on {@code readers} unless one is still running (a reader stuck past its
   * timeout is not joined by another each round), and returns the running one.
   */
  Future<?> start(ExecutorService readers) {
    if (reading.compareAndSet(false, true)) {
      try {
        current = readers.submit(this::read);
      } catch (RuntimeException rejected) {
        reading.set(false);
        throw rejected;
      }
    }
    return current;
  }

  /**
   * Interrupts the reading in progress, if any: one waiting for a pool connection gives up at
   * once. The future is not cancelled, so a reading not yet started still runs (and clears the
   * in-flight mark) and the next round's timeout interrupts it in turn.
   */
  void abandon() {
    Thread reading = runner;
    if (reading != null) {
      reading.interrupt();
    }
  }

  private void read() {
    runner = Thread.currentThread();
    try {
      last = new Taken<>(reader.call(), System.nanoTime());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // abandoned after its timeout
    } catch (Exception e) {
      // The value keeps its old reading; its age, not a log line, is what an operator watches.
      log.debug("Metric sample {} failed", name, e);
    } finally {
      runner = null;
      reading.set(false);
    }
  }

  private record Taken<T>(T value, long atNanos) {}
}
