package dev.fieldguide.orders.jobs;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/v1/jobs/groups/{groupId}}: RUNNING while members are left, then SUCCEEDED, or
 * FAILED when any member is dead; the member runs, and the callback run once enqueued.
 */
record JobGroupView(UUID groupId, String state, int size, int remaining, int dead,
    List<UUID> memberRunIds, @Nullable UUID callbackRunId, OffsetDateTime createdAt,
    @Nullable OffsetDateTime finishedAt) {

  static JobGroupView of(UUID groupId, int size, int remaining, int dead, List<UUID> members,
      @Nullable UUID callbackRunId, OffsetDateTime createdAt,
      @Nullable OffsetDateTime finishedAt) {
    String state = remaining > 0 ? "RUNNING" : dead > 0 ? "FAILED" : "SUCCEEDED";
    return new JobGroupView(groupId, state, size, remaining, dead, members, callbackRunId,
        createdAt, finishedAt);
  }
}
