package dev.fieldguide.orders.jobs;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** {@code GET /api/v1/jobs/{runId}}: a run's state, timings, result or error, and each attempt. */
record JobRunView(UUID runId, String type, String state, int attempts, int maxAttempts,
    OffsetDateTime runAt, @Nullable OffsetDateTime startedAt, @Nullable OffsetDateTime finishedAt,
    @JsonRawValue @Nullable String result, @Nullable String error, List<Attempt> attemptLog) {

  /** One attempt: when it ran and how it ended (null while it runs). */
  record Attempt(int attempt, OffsetDateTime startedAt, @Nullable OffsetDateTime finishedAt,
      @Nullable String outcome, @Nullable String error) {}
}
