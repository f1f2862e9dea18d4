package dev.fieldguide.orders.jobs;

import dev.fieldguide.orders.errors.DomainException;
import dev.fieldguide.orders.errors.DomainException.Kind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Every {@link Task} bean by its type name. */
@Component
class Tasks {

  private final Map<String, Task> byType;

  Tasks(List<Task> tasks) {
    this.byType = tasks.stream().collect(Collectors.toMap(Task::type, Function.identity()));
  }

  Optional<Task> find(String type) {
    return Optional.ofNullable(byType.get(type));
  }

  /** The task of {@code type}; a client asking for an unknown one gets a 400. */
  Task get(String type) {
    Task task = byType.get(type);
    if (task == null) {
      throw new DomainException(Kind.INVALID, "UNKNOWN_JOB_TYPE",
          "No job type '%s'; known: %s".formatted(type,
              byType.keySet().stream().sorted().toList()));
    }
    return task;
  }
}
