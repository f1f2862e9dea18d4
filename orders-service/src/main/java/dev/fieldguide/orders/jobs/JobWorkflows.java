package dev.fieldguide.orders.jobs;

import dev.fieldguide.orders.errors.DomainException;
import dev.fieldguide.orders.errors.DomainException.Kind;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * C4: Celery's canvas on this queue. A chain runs its steps one after another, each step getting
 * the previous step's result as {@code arguments.previous}; a group runs its members in parallel;
 * a chord is a group with a callback, enqueued exactly once when the last member has finished.
 * Everything a workflow needs later is written in the transaction that enqueues its first runs;
 * {@link WorkflowProgress} moves it on from each run's final transaction.
 */
@Component
class JobWorkflows {

  /** The most steps of a chain or members of a group one request may ask for. */
  public static final int MAX_SIZE = 100;

  private final JobScheduler scheduler;
  private final JobChains chains;
  private final JobGroups groups;
  private final Tasks tasks;

  JobWorkflows(JobScheduler scheduler, JobChains chains, JobGroups groups, Tasks tasks) {
    this.scheduler = scheduler;
    this.chains = chains;
    this.groups = groups;
    this.tasks = tasks;
  }

  /** Enqueues the first step now and records the rest; returns the chain's id. */
  @Transactional
  public UUID enqueueChain(List<Step> steps) {
    checkSize(steps, "steps");
    steps.forEach(this::check);
    UUID chainId = UUID.randomUUID();
    for (int position = 0; position < steps.size(); position++) {
      chains.insert(chainId, position, steps.get(position));
    }
    Step first = steps.getFirst();
    chains.assign(chainId, 0, scheduler.enqueue(first.type(), first.arguments(), Instant.now()));
    return chainId;
  }

  /**
   * Enqueues every member now; with a {@code callback} (a chord) that one runs once all members
   * have finished, with their results. Returns the group's id.
   */
  @Transactional
  public UUID enqueueGroup(List<Step> members, @Nullable Step callback) {
    checkSize(members, "members");
    members.forEach(this::check);
    if (callback != null) {
      check(callback);
    }
    UUID groupId = UUID.randomUUID();
    groups.create(groupId, members.size(), callback);
    for (int position = 0; position < members.size(); position++) {
      Step member = members.get(position);
      groups.addMember(groupId, position,
          scheduler.enqueue(member.type(), member.arguments(), Instant.now()));
    }
    return groupId;
  }

  private void check(Step step) {
    tasks.get(step.type()); // 400 for an unknown type, before anything is written
    if (!step.arguments().isObject()) {
      throw new DomainException(Kind.INVALID, "ARGUMENTS_NOT_AN_OBJECT",
          "arguments of '%s' must be a JSON object.".formatted(step.type()));
    }
  }

  private static void checkSize(List<Step> steps, String what) {
    if (steps.isEmpty()) {
      throw new DomainException(Kind.INVALID, "WORKFLOW_EMPTY",
          "Give at least one of " + what + ".");
    }
    if (steps.size() > MAX_SIZE) {
      throw new DomainException(Kind.INVALID, "WORKFLOW_TOO_LARGE",
          "At most %d %s; got %d.".formatted(MAX_SIZE, what, steps.size()));
    }
  }
}
