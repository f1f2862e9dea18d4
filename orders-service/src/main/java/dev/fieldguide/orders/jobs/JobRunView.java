package dev.fieldguide.orders.jobs;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/v1/jobs/{runId}}: a run's state, timings, result or error, each attempt, and for
 * a chunked job the progress of its last committed chunk.
 */
record JobRunView(UUID runId, String type, String state, int attempts, int maxAttempts,
    OffsetDateTime runAt, @Nullable OffsetDateTime startedAt, @Nullable OffsetDateTime finishedAt,
    @JsonRawValue @Nullable String result, @Nullable String error, @Nullable Progress progress,
    List<Attempt> attemptLog) {

  /** A chunked run's checkpoint: the last id committed, rows processed, and when. */
  record Progress(long lastId, long processed, OffsetDateTime updatedAt) {}

  /** One attempt: when it ran and how it ended (null while it runs). */
  record Attempt(int attempt, OffsetDateTime startedAt, @Nullable OffsetDateTime finishedAt,
      @Nullable String outcome, @Nullable String error) {}
}
