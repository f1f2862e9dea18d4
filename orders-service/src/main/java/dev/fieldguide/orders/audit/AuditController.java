package dev.fieldguide.orders.audit;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operators read the audit log; the admin role is required (see SecurityConfiguration). */
@RestController
@ConditionalOnBooleanProperty("fieldguide.admin.enabled")
@Validated
class AuditController {

  private final AuditLog audit;

  AuditController(AuditLog audit) {
    this.audit = audit;
  }

  @GetMapping("/admin/audit")
  @Operation(summary = "Read the latest audit events")
  List<AuditEvent> latest(@RequestParam(required = false) @Nullable String actor,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
    return audit.latest(actor, limit);
  }
}
