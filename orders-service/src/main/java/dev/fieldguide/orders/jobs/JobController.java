package dev.fieldguide.orders.jobs;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.http.HttpStatus;
import dev.fieldguide.orders.errors.DomainException;
import dev.fieldguide.orders.errors.DomainException.Kind;
import dev.fieldguide.orders.web.WithinDaysOfNow;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** The task API: enqueue now, after a countdown or at an eta; read a run. */
@RestController
@RequestMapping("/api/v1/jobs")
class JobController {

  private final JobScheduler scheduler;
  private final JobRuns runs;
  private final Clock clock;

  JobController(JobScheduler scheduler, JobRuns runs, Clock clock) {
    this.scheduler = scheduler;
    this.runs = runs;
    this.clock = clock;
  }

  /**
   * The body of {@code POST /api/v1/jobs}: at most one of {@code countdownSeconds} (run that many
   * seconds from now) and {@code eta} (an ISO-8601 instant); neither means now. A run starts at
   * most a year from now; an eta may lie a day in the past (a late client), and runs at once.
   */
  record EnqueueRequest(@NotBlank @Nullable String type, @Nullable JsonNode arguments,
      @PositiveOrZero @Max(MAX_COUNTDOWN_SECONDS) @Nullable Long countdownSeconds,
      @WithinDaysOfNow(before = 1, after = MAX_DAYS_AHEAD) @Nullable Instant eta) {}

  static final long MAX_DAYS_AHEAD = 366;
  static final long MAX_COUNTDOWN_SECONDS = MAX_DAYS_AHEAD * 24 * 60 * 60;

  @PostMapping
  @ResponseStatus(HttpStatus.ACCEPTED) // what the document says; the ResponseEntity sets it
  @Operation(summary = "Enqueue a background job")
  ResponseEntity<JobRunView> enqueue(@Valid @RequestBody EnqueueRequest request) {
    if (request.countdownSeconds() != null && request.eta() != null) {
      throw new DomainException(Kind.INVALID, "COUNTDOWN_AND_ETA",
          "Give countdownSeconds or eta, not both.");
    }
    Instant runAt = request.eta() != null
        ? request.eta()
        : clock.instant().plusSeconds(request.countdownSeconds() == null
            ? 0
            : request.countdownSeconds());
    JsonNode arguments = request.arguments() == null
        ? JsonNodeFactory.instance.objectNode()
        : request.arguments();
    if (!arguments.isObject()) {
      throw new DomainException(Kind.INVALID, "ARGUMENTS_NOT_AN_OBJECT",
          "arguments must be a JSON object.");
    }
    UUID runId = scheduler.enqueue(String.valueOf(request.type()), arguments, runAt);
    return ResponseEntity.accepted().location(URI.create("/api/v1/jobs/" + runId))
        .body(view(runId));
  }

  @GetMapping("/{runId}")
  @Operation(summary = "A job run's state and attempts")
  JobRunView run(@PathVariable UUID runId) {
    return view(runId);
  }

  private JobRunView view(UUID runId) {
    return runs.view(runId);
  }
}
