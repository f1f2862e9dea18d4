package dev.fieldguide.orders.db;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator report: {@code GET /admin/db/top-statements?limit=10}. Behind {@code
 * fieldguide.admin.enabled} like the other {@code /admin/**} endpoints.
 */
@RestController
@ConditionalOnBooleanProperty("fieldguide.admin.enabled")
class DatabaseAdminController {

  private final TopStatements topStatements;

  DatabaseAdminController(TopStatements topStatements) {
    this.topStatements = topStatements;
  }

  @GetMapping("/admin/db/top-statements")
  @Operation(summary = "The statements that took the most time")
  TopStatements.Report topStatements(
      @RequestParam(defaultValue = "10") @Min(1) @Max(100) int limit) {
    return topStatements.top(limit);
  }
}
