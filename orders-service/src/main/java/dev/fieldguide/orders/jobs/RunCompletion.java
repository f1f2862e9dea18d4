package dev.fieldguide.orders.jobs;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What happens when a run reaches its final outcome, called by {@link TaskJob} inside the very
 * transaction that records that outcome: whatever it writes (the next step of a chain, a chord's
 * countdown, a callback run) commits or rolls back together with the outcome. Retried attempts
 * never get here; a run reaches it once per outcome it records.
 */
interface RunCompletion {

  /** The run succeeded with {@code result} (JSON, or null for none). */
  void succeeded(UUID runId, @Nullable String result);

  /** The run is dead: attempts used up, a permanent failure, or a task type this code lacks. */
  void dead(UUID runId);
}
