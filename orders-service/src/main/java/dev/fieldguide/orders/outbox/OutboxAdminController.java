package dev.fieldguide.orders.outbox;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator action: put dead events back in the queue once the cause is fixed. Admin role only and
 * audited (the security package); {@code fieldguide.admin.enabled} switches it off.
 */
@RestController
@ConditionalOnBooleanProperty("fieldguide.admin.enabled")
class OutboxAdminController {

  private final JdbcClient jdbc;

  OutboxAdminController(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @PostMapping("/admin/outbox/dead/redrive")
  @Operation(summary = "Publish dead outbox events again")
  Map<String, Integer> redriveDead() {
    int redriven = jdbc.sql("""
        UPDATE outbox_events
        SET status = 'PENDING', attempts = 0, next_attempt_at = now(), last_error = NULL
        WHERE status = 'DEAD'
        """).update();
    return Map.of("redriven", redriven);
  }
}
