package dev.fieldguide.orders.outbox;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs one unit of background work on its own thread: again at once while it finds work, after
 * {@code idleDelay} when it finds none. Each loop has its own thread so the relay never waits
 * behind a consumer's batch (or the reverse), as it would on one shared scheduler thread. Other
 * features' workers (the webhook dispatcher) run on one too, declared as a bean: a lifecycle, it
 * starts with the application context and stops before it closes.
 */
public final class PollingLoop implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(PollingLoop.class);

  private final String name;
  private final IntSupplier work;
  private final Duration idleDelay;
  private volatile boolean running;
  private @Nullable Thread thread;

  /** @param work does one batch and returns how many items it handled */
  public PollingLoop(String name, IntSupplier work, Duration idleDelay) {
    this.name = name;
    this.work = work;
    this.idleDelay = idleDelay;
  }

  @Override
  public void start() {
    running = true;
    thread = Thread.ofVirtual().name(name).start(this::loop);
  }

  @Override
  public void stop() {
    running = false;
    Thread current = thread;
    if (current != null) {
      current.interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void loop() {
    while (running) {
      int handled = 0;
      try {
        handled = work.getAsInt();
      } catch (RuntimeException e) {
        log.warn("{} failed; retrying after {}", name, idleDelay, e);
      }
      if (handled == 0 && running) {
        LockSupport.parkNanos(idleDelay.toNanos());
      }
    }
  }
}
