package dev.fieldguide.orders.jobs;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * C9, D3: a long update over {@code orders} done as a walk by key. Each chunk (ids above the
 * checkpoint, in id order, {@code chunkSize} at a time) runs in its own short transaction together
 * with the run's checkpoint, so live traffic never waits long behind it and a retried run resumes
 * after the last chunk that committed.
 *
 * <p>Arguments a task passes through: {@code chunkSize} (default 500), optional
 * {@code fromId}/{@code toId} bounds, and {@code lockTimeoutMillis} (default 2000): a chunk waits at
 * most that long for a row a user's transaction holds, then the attempt fails and its retry
 * resumes, instead of queueing behind live traffic.
 */
@Component
public class ChunkedOrderUpdate {

  static final int DEFAULT_CHUNK_SIZE = 500;
  static final int MAX_CHUNK_SIZE = 10_000;

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final JobCheckpoints checkpoints;

  ChunkedOrderUpdate(JdbcClient jdbc, TransactionTemplate transactions,
      JobCheckpoints checkpoints) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.checkpoints = checkpoints;
  }

  /**
   * Runs {@code chunkUpdate} for every chunk, with the chunk's bounds as its two parameters
   * ({@code id > ? AND id <= ?}); returns the run's progress as the task's result.
   */
  public Map<String, Object> run(TaskContext context, String chunkUpdate)
      throws InterruptedException {
    JsonNode arguments = context.arguments();
    int chunkSize = arguments.path("chunkSize").asInt(DEFAULT_CHUNK_SIZE);
    if (chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) {
      throw new PermanentFailure("chunkSize must be 1 to " + MAX_CHUNK_SIZE + ": " + chunkSize);
    }
    long toId = arguments.path("toId").asLong(Long.MAX_VALUE);
    long lockTimeoutMillis = arguments.path("lockTimeoutMillis").asLong(2_000);
    JobCheckpoints.Checkpoint start = checkpoints.find(context.runId())
        .orElse(new JobCheckpoints.Checkpoint(arguments.path("fromId").asLong(1) - 1, 0));
    long after = start.lastId();
    long processed = start.processed();
    while (true) {
      if (Thread.interrupted()) { // a soft time limit (C8): stop between chunks, resume later
        throw new InterruptedException("stopped at checkpoint " + after);
      }
      Chunk chunk = updateChunk(context.runId(), chunkUpdate, after, toId, chunkSize,
          lockTimeoutMillis);
      if (chunk.selected() == 0) {
        break;
      }
      after = chunk.lastId();
      processed += chunk.updated();
    }
    return Map.of("resumedAfterId", start.lastId(), "lastId", after, "processed", processed,
        "processedThisAttempt", processed - start.processed());
  }

  /** One chunk in one transaction: the update of the next ids and the checkpoint after them. */
  private Chunk updateChunk(UUID runId, String chunkUpdate, long after, long toId, int chunkSize,
      long lockTimeoutMillis) {
    return Objects.requireNonNull(transactions.execute(status -> {
      Chunk chunk = jdbc.sql("""
          SELECT coalesce(max(id), 0), count(*) FROM (
            SELECT id FROM orders WHERE id > ? AND id <= ? ORDER BY id LIMIT ?) next_ids
          """).params(after, toId, chunkSize)
          .query((rs, row) -> new Chunk(rs.getLong(1), rs.getInt(2), 0)).single();
      if (chunk.selected() == 0) {
        return chunk;
      }
      jdbc.sql("SELECT set_config('lock_timeout', ?, true)").param(lockTimeoutMillis + "ms")
          .query((rs, row) -> rs.getString(1)).single();
      int updated = jdbc.sql(chunkUpdate).params(after, chunk.lastId()).update();
      checkpoints.save(runId, chunk.lastId(), updated);
      return new Chunk(chunk.lastId(), chunk.selected(), updated);
    }));
  }

  /** A chunk's last id, how many orders it selected and how many the update changed. */
  private record Chunk(long lastId, int selected, int updated) {}
}
