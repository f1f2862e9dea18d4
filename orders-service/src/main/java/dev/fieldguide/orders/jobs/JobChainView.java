package dev.fieldguide.orders.jobs;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/v1/jobs/chains/{chainId}}: each step with its run once enqueued. The chain is
 * FAILED when a step is dead (later steps never run), SUCCEEDED when its last step succeeded.
 */
record JobChainView(UUID chainId, String state, List<StepView> steps) {

  static JobChainView of(UUID chainId, List<StepView> steps) {
    String state = steps.stream().anyMatch(step -> "DEAD".equals(step.state()))
        ? "FAILED"
        : "SUCCEEDED".equals(steps.getLast().state()) ? "SUCCEEDED" : "RUNNING";
    return new JobChainView(chainId, state, steps);
  }

  /** One step: its task type and, once enqueued, its run and that run's state. */
  record StepView(int position, String type, @Nullable UUID runId, @Nullable String state) {}
}
