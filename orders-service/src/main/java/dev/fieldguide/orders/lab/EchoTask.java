package dev.fieldguide.orders.lab;

import dev.fieldguide.orders.jobs.Task;
import dev.fieldguide.orders.jobs.TaskContext;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/** Fixture task {@code echo}: its result is its arguments, to show the result backend. */
@Component
@ConditionalOnBooleanProperty("fieldguide.lab.enabled")
class EchoTask implements Task {

  @Override
  public String type() {
    return "echo";
  }

  @Override
  public @Nullable Object run(TaskContext context) {
    return context.arguments();
  }
}
