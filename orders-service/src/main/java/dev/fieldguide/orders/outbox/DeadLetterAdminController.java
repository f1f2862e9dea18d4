package dev.fieldguide.orders.outbox;

import dev.fieldguide.orders.errors.DomainException;
import dev.fieldguide.orders.errors.DomainException.Kind;
import dev.fieldguide.orders.errors.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator actions on the messages consumer groups gave up on: read them, newest first, and
 * re-drive one once its cause is fixed. Under {@code /admin/**} with the outbox's re-drive: admin
 * role only and audited (the security package); {@code fieldguide.admin.enabled} switches it off.
 */
@RestController
@ConditionalOnBooleanProperty("fieldguide.admin.enabled")
class DeadLetterAdminController {

  private final DeadLetters deadLetters;

  DeadLetterAdminController(DeadLetters deadLetters) {
    this.deadLetters = deadLetters;
  }

  /** A bounded page; the next one is {@code before=} the last id of this one. */
  @GetMapping("/admin/inbox/dead-letters")
  @Operation(summary = "Read the messages consumer groups gave up on, newest first")
  List<DeadLetterView> page(@RequestParam(required = false) @Nullable String consumer,
      @RequestParam(required = false) @Min(1) @Nullable Long before,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
    return deadLetters.page(consumer, before, limit);
  }

  /**
   * Appends the message to its stream again, once: every consumer group reads it, and a group
   * that applied the event already only acknowledges it.
   */
  @PostMapping("/admin/inbox/dead-letters/{id}/redrive")
  @Operation(summary = "Publish a dead-lettered message again")
  DeadLetterView redrive(@PathVariable long id) {
    return deadLetters.redrive(id).orElseThrow(() -> deadLetters.find(id)
        .<DomainException>map(letter -> new DomainException(Kind.CONFLICT,
            "DEAD_LETTER_ALREADY_REDRIVEN", "This dead letter was re-driven at "
                + letter.redrivenAt() + " as message " + letter.redrivenAs() + ".",
            List.of()))
        .orElseGet(() -> new NotFoundException("dead letter", id)));
  }
}
