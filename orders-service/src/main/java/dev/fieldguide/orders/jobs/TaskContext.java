package dev.fieldguide.orders.jobs;

import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** What a task run gets: its run id (a natural deduplication key), attempt number, arguments. */
public record TaskContext(UUID runId, int attempt, JsonNode arguments) {}
