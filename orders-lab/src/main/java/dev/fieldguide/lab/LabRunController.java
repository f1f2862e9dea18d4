package dev.fieldguide.lab;

import dev.fieldguide.orders.errors.NotFoundException;
import dev.fieldguide.orders.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Lab runs as resources. Starting one is a {@code POST} (it writes orders, jobs and demo data),
 * answered {@code 201} with the run's address; a second start of a lab that is still running is
 * a {@code 409} naming the running one. A run is read as JSON, as the text the {@code ./lab}
 * script prints, or as a stream of Server-Sent Events ({@code phase} per phase, then {@code end});
 * {@code DELETE} cancels it.
 */
@RestController
@RequestMapping(LabRuns.PATH)
class LabRunController {

  /** The longest a read may wait for a run to end; the script's own limit is the same. */
  static final int MAX_WAIT_SECONDS = 300;

  private final LabRuns runs;

  LabRunController(LabRuns runs) {
    this.runs = runs;
  }

  /** What to start. */
  record StartRun(@NotBlank String lab) {}

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<LabRunView> start(@RequestBody @Valid StartRun body,
      HttpServletRequest request) {
    // Labs call this same instance over loopback, exactly as an outside client would.
    LabRun run = runs.start(body.lab(), URI.create("http://127.0.0.1:" + request.getLocalPort()));
    LabRunView view = run.view();
    return ResponseEntity.created(URI.create(view.url())).body(view);
  }

  /** The run so far; with {@code wait}, once it ended or after that many seconds. */
  @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  LabRunView read(@PathVariable String id,
      @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_WAIT_SECONDS) int wait)
      throws InterruptedException {
    return findAfter(id, wait).view();
  }

  /** The {@code ./lab} script's report; its last line says PASS or FAIL once the run ended. */
  @GetMapping(path = "/{id}", produces = MediaType.TEXT_PLAIN_VALUE)
  String readAsText(@PathVariable String id,
      @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_WAIT_SECONDS) int wait)
      throws InterruptedException {
    LabRun run = findAfter(id, wait);
    LabRunView view = run.view();
    return switch (view.state()) {
      case RUNNING -> run.render() + "result: RUNNING (still running after " + wait + " s)\n";
      case CANCELLED -> run.render() + "result: CANCELLED\n";
      case ERROR -> run.render() + "result: ERROR (" + view.error() + ")\n";
      case PASSED, FAILED -> run.render();
    };
  }

  @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter events(@PathVariable String id) {
    var watcher = new SseEmitter(Duration.ofSeconds(MAX_WAIT_SECONDS).toMillis());
    find(id).watch(watcher);
    return watcher;
  }

  /** The kept runs of a lab, newest first. */
  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  List<LabRunView> history(@RequestParam @NotBlank String lab) {
    if (!runs.names().contains(lab)) {
      throw new NotFoundException("lab", lab);
    }
    return runs.history(lab).stream().map(LabRun::view).toList();
  }

  @DeleteMapping("/{id}")
  LabRunView cancel(@PathVariable String id) throws InterruptedException {
    LabRun run = find(id);
    run.cancel();
    run.awaitEnd(Duration.ofSeconds(5));
    return run.view();
  }

  @ExceptionHandler(LabRuns.AlreadyRunning.class)
  ResponseEntity<ProblemDetail> alreadyRunning(LabRuns.AlreadyRunning refusal,
      HttpServletRequest request) {
    String url = refusal.running().view().url();
    ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "LAB_ALREADY_RUNNING",
        "Lab " + refusal.running().lab() + " is running; watch " + url + " or cancel it.",
        request);
    problem.setProperty("run", url);
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  /** The run, once it ended or {@code waitSeconds} passed, whichever comes first. */
  private LabRun findAfter(String id, int waitSeconds) throws InterruptedException {
    LabRun run = find(id);
    run.awaitEnd(Duration.ofSeconds(waitSeconds));
    return run;
  }

  private LabRun find(String id) {
    return runs.find(id).orElseThrow(() -> new NotFoundException("lab run", id));
  }
}
