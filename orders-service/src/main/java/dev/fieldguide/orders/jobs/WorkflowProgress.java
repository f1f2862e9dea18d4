package dev.fieldguide.orders.jobs;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * C4: moves chains and chords on, inside the transaction that records a run's final outcome. A
 * succeeded chain step enqueues the next step with its result; a group member's final outcome
 * (success, or dead once its retries are used up) counts the group down, and the member that
 * reaches 0 enqueues the callback with every member's result. If that transaction rolls back, so
 * does all of it, and the member's retry tries again.
 */
@Component
class WorkflowProgress implements RunCompletion {

  private static final Logger log = LoggerFactory.getLogger(WorkflowProgress.class);

  private final JobChains chains;
  private final JobGroups groups;
  private final JobScheduler scheduler;
  private final Tasks tasks;
  private final JsonMapper json;

  WorkflowProgress(JobChains chains, JobGroups groups, JobScheduler scheduler, Tasks tasks,
      JsonMapper json) {
    this.chains = chains;
    this.groups = groups;
    this.scheduler = scheduler;
    this.tasks = tasks;
    this.json = json;
  }

  @Override
  public void succeeded(UUID runId, @Nullable String result) {
    chains.lockNext(runId).filter(next -> next.runId() == null)
        .ifPresent(next -> enqueueNext(next, result));
    groups.settle(runId, "SUCCEEDED").ifPresent(group -> countDown(group, false));
  }

  @Override
  public void dead(UUID runId) {
    // A dead chain step ends its chain: the next step is never enqueued.
    groups.settle(runId, "DEAD").ifPresent(group -> countDown(group, true));
  }

  private void enqueueNext(JobChains.Next next, @Nullable String result) {
    ObjectNode arguments = (ObjectNode) json.readTree(next.arguments());
    arguments.set("previous", parse(result));
    enqueue(next.type(), arguments, "step " + next.position() + " of chain " + next.chainId())
        .ifPresent(run -> chains.assign(next.chainId(), next.position(), run));
  }

  private void countDown(UUID groupId, boolean dead) {
    JobGroups.Countdown countdown = groups.countDown(groupId, dead);
    if (countdown.remaining() > 0 || countdown.callbackType() == null) {
      return;
    }
    ObjectNode arguments = (ObjectNode) json.readTree(
        countdown.callbackArguments() == null ? "{}" : countdown.callbackArguments());
    ArrayNode results = arguments.putArray("results");
    groups.results(groupId).forEach(result -> results.add(json.readTree(result)));
    arguments.put("groupId", groupId.toString());
    enqueue(countdown.callbackType(), arguments, "callback of group " + groupId)
        .ifPresent(run -> groups.callbackEnqueued(groupId, run));
  }

  /**
   * Enqueues in the caller's transaction. A type this code no longer has (a deploy removed it
   * while the workflow ran) is logged and skipped: failing here would fail the finished run.
   */
  private Optional<UUID> enqueue(String type, JsonNode arguments, String what) {
    if (tasks.find(type).isEmpty()) {
      log.warn("Not enqueuing {}: no job type '{}'", what, type);
      return Optional.empty();
    }
    return Optional.of(scheduler.enqueue(type, arguments, Instant.now()));
  }

  private JsonNode parse(@Nullable String result) {
    return result == null ? JsonNodeFactory.instance.nullNode() : json.readTree(result);
  }
}
