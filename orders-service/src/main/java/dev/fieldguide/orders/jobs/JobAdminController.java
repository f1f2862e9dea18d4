package dev.fieldguide.orders.jobs;

import io.swagger.v3.oas.annotations.Operation;
import dev.fieldguide.orders.errors.DomainException;
import dev.fieldguide.orders.errors.DomainException.Kind;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * C3 operator endpoint: re-drive a dead run. Under {@code /admin/**} with the outbox's re-drive:
 * admin role only and audited (the security package); {@code fieldguide.admin.enabled} switches
 * it off.
 */
@RestController
@ConditionalOnBooleanProperty("fieldguide.admin.enabled")
class JobAdminController {

  private final JobScheduler scheduler;
  private final JobRuns runs;
  private final Tasks tasks;

  JobAdminController(JobScheduler scheduler, JobRuns runs, Tasks tasks) {
    this.scheduler = scheduler;
    this.runs = runs;
    this.tasks = tasks;
  }

  /** Gives a dead run a fresh set of attempts of its task's policy, starting now. */
  @PostMapping("/admin/jobs/{runId}/redrive")
  @Operation(summary = "Run a dead job again")
  JobRunView redrive(@PathVariable UUID runId) {
    JobRunView run = runs.view(runId);
    if (!scheduler.redrive(runId, tasks.get(run.type()).retryPolicy().maxAttempts())) {
      throw new DomainException(Kind.CONFLICT, "RUN_NOT_DEAD",
          "Only a dead run can be re-driven; this one is " + run.state() + ".", List.of());
    }
    return runs.view(runId);
  }
}
