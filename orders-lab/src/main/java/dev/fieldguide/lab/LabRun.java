package dev.fieldguide.lab;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One run of a lab, on a virtual thread of its own: its phases as the lab reports them, how it
 * ended, and the event streams watching it. A watcher that subscribes late gets the run so far
 * first, then the rest as it comes; publishing and subscribing take one lock, so no phase is
 * missed or sent twice.
 */
final class LabRun {

  private static final Logger log = LoggerFactory.getLogger(LabRun.class);

  /** Where a run is; every state but {@code RUNNING} is final. */
  enum State {
    RUNNING, PASSED, FAILED, CANCELLED, ERROR
  }

  private final String id;
  private final Lab lab;
  private final Clock clock;
  private final Instant startedAt;
  private final ReentrantLock lock = new ReentrantLock();
  private final List<LabReport.Phase> phases = new ArrayList<>();
  private final List<LabChart> charts = new ArrayList<>();
  private final List<SseEmitter> watchers = new ArrayList<>();
  private final CountDownLatch ended = new CountDownLatch(1);
  private State state = State.RUNNING;
  private @Nullable Instant finishedAt;
  private @Nullable String error;
  private @Nullable Progress progress;
  private volatile boolean cancelRequested;
  private @Nullable Thread runner;

  LabRun(String id, Lab lab, Clock clock) {
    this.id = id;
    this.lab = lab;
    this.clock = clock;
    this.startedAt = clock.instant();
  }

  String id() {
    return id;
  }

  String lab() {
    return lab.name();
  }

  /** Starts the lab against the service at {@code base}; called once. */
  void start(URI base) {
    runner = Thread.ofVirtual().name("lab-run-" + id).start(() -> execute(base));
  }

  /** Asks the lab to stop: its thread is interrupted, and the run ends as cancelled. */
  void cancel() {
    cancelRequested = true;
    Thread thread = runner;
    if (thread != null) {
      thread.interrupt();
    }
  }

  boolean isRunning() {
    return ended.getCount() > 0;
  }

  /** Waits up to {@code timeout} for the run to end; true when it has. */
  boolean awaitEnd(Duration timeout) throws InterruptedException {
    return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** What the run has reported so far. */
  LabRunView view() {
    lock.lock();
    try {
      return new LabRunView(id, lab.name(), lab.claim(), state, startedAt, finishedAt,
          List.copyOf(phases), List.copyOf(charts), progress, error);
    } finally {
      lock.unlock();
    }
  }

  /** The report as the {@code ./lab} script prints it, with the phases reported so far. */
  String render() {
    return new LabReport(lab.name(), lab.claim(), view().phases()).render();
  }

  /**
   * Streams the run to {@code watcher}: a {@code run} event with the run as it is (the phases so
   * far included), then a {@code phase}, {@code chart} or {@code progress} event for each new one,
   * then {@code end}. The first event
   * also sends the response's headers, so a client knows at once that it is watching.
   */
  void watch(SseEmitter watcher) {
    lock.lock();
    try {
      send(watcher, "run", view());
      if (state == State.RUNNING) {
        watchers.add(watcher);
        watcher.onCompletion(() -> forget(watcher));
        watcher.onTimeout(() -> forget(watcher));
        watcher.onError(failure -> forget(watcher));
      } else {
        send(watcher, "end", view());
        watcher.complete();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Runs the lab; whatever happens, the run ends, so its lab can be started again. */
  private void execute(URI base) {
    State outcome = State.ERROR;
    String failure = "the lab stopped with an error";
    try {
      lab.run(base, new Published());
      outcome = cancelRequested ? State.CANCELLED : passed() ? State.PASSED : State.FAILED;
      failure = null;
    } catch (RuntimeException e) {
      if (cancelRequested) {
        outcome = State.CANCELLED;
        failure = null;
      } else {
        log.warn("Lab run {} failed", id, e);
        failure = e.getClass().getSimpleName() + ": " + e.getMessage();
      }
    } finally {
      end(outcome, failure); // an Error still ends the run, then goes on up
    }
  }

  private boolean passed() {
    return new LabReport(lab.name(), lab.claim(), view().phases()).passed();
  }

  /** What the lab reports, kept and sent to the watchers at once, under the run's lock. */
  private final class Published implements Lab.Phases {

    @Override
    public void add(LabReport.Phase phase) {
      lock.lock();
      try {
        phases.add(phase);
        sendToAll("phase", new PhaseEvent(phases.size() - 1, phase));
      } finally {
        lock.unlock();
      }
    }

    @Override
    public void chart(LabChart chart) {
      lock.lock();
      try {
        charts.add(chart);
        sendToAll("chart", chart);
      } finally {
        lock.unlock();
      }
    }

    @Override
    public void progress(String step, long done, long total) {
      lock.lock();
      try {
        var now = new Progress(step, done, total);
        progress = now;
        sendToAll("progress", now);
      } finally {
        lock.unlock();
      }
    }

    private void sendToAll(String name, Object data) {
      List.copyOf(watchers).forEach(watcher -> send(watcher, name, data));
    }
  }

  private void end(State outcome, @Nullable String failure) {
    lock.lock();
    try {
      state = outcome;
      error = failure;
      finishedAt = clock.instant();
      LabRunView last = view();
      for (SseEmitter watcher : List.copyOf(watchers)) {
        send(watcher, "end", last);
        watcher.complete();
      }
      watchers.clear();
    } finally {
      lock.unlock();
      ended.countDown();
    }
  }

  private void forget(SseEmitter watcher) {
    lock.lock();
    try {
      watchers.remove(watcher);
    } finally {
      lock.unlock();
    }
  }

  /** A watcher that went away is dropped; the run goes on. */
  private void send(SseEmitter watcher, String name, Object data) {
    try {
      watcher.send(SseEmitter.event().name(name).data(data));
    } catch (IOException | IllegalStateException e) {
      watchers.remove(watcher);
    }
  }

  /** One phase as the event stream sends it, numbered from 0 in the order it was reported. */
  record PhaseEvent(int index, LabReport.Phase phase) {}

  /** How far a long step of the lab has got. */
  record Progress(String step, long done, long total) {}
}
