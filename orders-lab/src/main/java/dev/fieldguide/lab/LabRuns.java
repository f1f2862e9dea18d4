package dev.fieldguide.lab;

import dev.fieldguide.orders.errors.NotFoundException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The lab runs of this instance: at most one running per lab, and the last {@value #KEPT} of each
 * lab kept (the running one included), so a second run can be compared with the one before. Runs
 * live in memory: a restart forgets them.
 */
@Component
class LabRuns {

  static final String PATH = "/lab/runs";
  static final int KEPT = 3;

  private final Map<String, Lab> labs;
  private final Clock clock;
  private final AtomicLong sequence = new AtomicLong();
  private final Map<String, Deque<LabRun>> runsByLab = new HashMap<>();

  LabRuns(List<Lab> labs, Clock clock) {
    this.labs = labs.stream().collect(Collectors.toMap(Lab::name, Function.identity()));
    this.clock = clock;
  }

  /** A lab as the page lists it. */
  record Summary(String name, String claim) {}

  /** The labs with their claims, sorted by name. */
  List<Summary> summaries() {
    return labs.values().stream().map(lab -> new Summary(lab.name(), lab.claim()))
        .sorted(Comparator.comparing(Summary::name)).toList();
  }

  /** The names of the labs, sorted. */
  List<String> names() {
    return labs.keySet().stream().sorted().toList();
  }

  /**
   * Starts {@code labName} against the service at {@code base}.
   *
   * @throws NotFoundException when there is no such lab
   * @throws AlreadyRunning when a run of it has not ended yet
   */
  synchronized LabRun start(String labName, URI base) {
    Lab lab = labs.get(labName);
    if (lab == null) {
      throw new NotFoundException("lab", labName);
    }
    Deque<LabRun> runs = runsByLab.computeIfAbsent(labName, name -> new ArrayDeque<>());
    LabRun latest = runs.peekFirst();
    if (latest != null && latest.isRunning()) {
      throw new AlreadyRunning(latest);
    }
    var run = new LabRun(labName + "-" + sequence.incrementAndGet(), lab, clock);
    runs.addFirst(run);
    while (runs.size() > KEPT) {
      runs.removeLast();
    }
    run.start(base);
    return run;
  }

  synchronized Optional<LabRun> find(String id) {
    return runsByLab.values().stream().flatMap(Deque::stream)
        .filter(run -> run.id().equals(id)).findFirst();
  }

  /** The kept runs of {@code labName}, newest first. */
  synchronized List<LabRun> history(String labName) {
    return List.copyOf(runsByLab.getOrDefault(labName, new ArrayDeque<>()));
  }

  /** A start refused because the lab is running: says which run to watch instead. */
  static final class AlreadyRunning extends RuntimeException {

    private final transient LabRun running;

    AlreadyRunning(LabRun running) {
      super("lab " + running.lab() + " is already running", null, false, false);
      this.running = running;
    }

    LabRun running() {
      return running;
    }
  }
}
