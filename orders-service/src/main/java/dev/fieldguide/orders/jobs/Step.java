package dev.fieldguide.orders.jobs;

import tools.jackson.databind.JsonNode;

/** One task to run inside a chain or a group: Celery's signature, {@code add.s(2, 2)}. */
public record Step(String type, JsonNode arguments) {}
