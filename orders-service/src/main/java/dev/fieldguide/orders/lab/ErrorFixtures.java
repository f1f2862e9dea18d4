package dev.fieldguide.orders.lab;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lab-only endpoints that exercise the error model: a validated JSON echo and one that fails
 * unexpectedly with internals in its message (which must not reach the client).
 */
@RestController
@ConditionalOnBooleanProperty("fieldguide.lab.enabled")
class ErrorFixtures {

  static final String ECHO = "/lab/fixtures/echo";
  static final String BOOM = "/lab/fixtures/boom";

  /** Shaped like an order draft so validation errors look like the real ones. */
  record Draft(@NotNull @Positive @Nullable Long customerId,
      @NotEmpty @Size(max = 50) @Nullable List<@Valid Line> lines, @Nullable String note) {

    record Line(@NotNull @Positive @Nullable Long productId, @Positive int quantity) {}
  }

  @PostMapping(ECHO)
  Draft echo(@Valid @RequestBody Draft draft) {
    return draft;
  }

  @GetMapping(BOOM)
  String boom() {
    throw new IllegalStateException("SELECT secret FROM internals WHERE password = 'hunter2'");
  }
}
