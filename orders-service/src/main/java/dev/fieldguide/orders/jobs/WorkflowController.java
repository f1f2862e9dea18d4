package dev.fieldguide.orders.jobs;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.http.HttpStatus;
import dev.fieldguide.orders.errors.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** C4 over HTTP: enqueue a chain or a group (a chord with a callback) and follow it. */
@RestController
@RequestMapping("/api/v1/jobs")
class WorkflowController {

  private final JobWorkflows workflows;
  private final JobChains chains;
  private final JobGroups groups;

  WorkflowController(JobWorkflows workflows, JobChains chains, JobGroups groups) {
    this.workflows = workflows;
    this.chains = chains;
    this.groups = groups;
  }

  /** One task of a workflow; arguments default to {@code {}}. */
  record StepRequest(@NotBlank @Nullable String type, @Nullable JsonNode arguments) {

    Step step() {
      return new Step(String.valueOf(type), arguments == null
          ? JsonNodeFactory.instance.objectNode()
          : arguments);
    }
  }

  /** The body of {@code POST /api/v1/jobs/chains}: the steps, in order. */
  record ChainRequest(@Nullable List<@NotNull @Valid StepRequest> steps) {}

  /** The body of {@code POST /api/v1/jobs/groups}: the members and an optional callback. */
  record GroupRequest(@Nullable List<@NotNull @Valid StepRequest> members,
      @Valid @Nullable StepRequest callback) {}

  @PostMapping("/chains")
  @ResponseStatus(HttpStatus.ACCEPTED) // what the document says; the ResponseEntity sets it
  @Operation(summary = "Enqueue a chain of jobs, each after the last")
  ResponseEntity<JobChainView> chain(@Valid @RequestBody ChainRequest request) {
    UUID chainId = workflows.enqueueChain(steps(request.steps()));
    return ResponseEntity.accepted().location(URI.create("/api/v1/jobs/chains/" + chainId))
        .body(chainProgress(chainId));
  }

  @GetMapping("/chains/{chainId}")
  @Operation(summary = "A chain's progress")
  JobChainView chainProgress(@PathVariable UUID chainId) {
    return chains.find(chainId).orElseThrow(() -> new NotFoundException("job chain", chainId));
  }

  @PostMapping("/groups")
  @ResponseStatus(HttpStatus.ACCEPTED) // what the document says; the ResponseEntity sets it
  @Operation(summary = "Enqueue a group of jobs and a callback after all")
  ResponseEntity<JobGroupView> group(@Valid @RequestBody GroupRequest request) {
    StepRequest callback = request.callback();
    UUID groupId = workflows.enqueueGroup(steps(request.members()),
        callback == null ? null : callback.step());
    return ResponseEntity.accepted().location(URI.create("/api/v1/jobs/groups/" + groupId))
        .body(groupProgress(groupId));
  }

  @GetMapping("/groups/{groupId}")
  @Operation(summary = "A group's progress")
  JobGroupView groupProgress(@PathVariable UUID groupId) {
    return groups.find(groupId).orElseThrow(() -> new NotFoundException("job group", groupId));
  }

  private static List<Step> steps(@Nullable List<StepRequest> requests) {
    return requests == null ? List.of() : requests.stream().map(StepRequest::step).toList();
  }
}
