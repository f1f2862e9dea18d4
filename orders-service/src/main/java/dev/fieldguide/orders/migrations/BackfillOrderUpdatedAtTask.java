package dev.fieldguide.orders.migrations;

import dev.fieldguide.orders.jobs.ChunkedOrderUpdate;
import dev.fieldguide.orders.jobs.Task;
import dev.fieldguide.orders.jobs.TaskContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * D3, backfill: {@code backfill-order-updated-at} gives orders written before V15 an
 * {@code updated_at} (their {@code created_at}), one short keyset chunk per transaction, with its
 * progress in the run's checkpoint ({@code GET /api/v1/jobs/{runId}} shows it). Rows a writer
 * already touched are not NULL any more and are left alone, so the job is safe to re-run.
 */
@Component
class BackfillOrderUpdatedAtTask implements Task {

  static final String TYPE = "backfill-order-updated-at";
  /** The chunk's update; V16 runs the same one for rows still missing when it is deployed. */
  static final String BACKFILL_CHUNK = """
      UPDATE orders SET updated_at = created_at
      WHERE id > ? AND id <= ? AND updated_at IS NULL
      """;

  private final ChunkedOrderUpdate chunks;

  BackfillOrderUpdatedAtTask(ChunkedOrderUpdate chunks) {
    this.chunks = chunks;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public @Nullable Object run(TaskContext context) throws InterruptedException {
    return chunks.run(context, BACKFILL_CHUNK);
  }
}
