package dev.fieldguide.orders.outbox;

import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator action: put dead events back in the queue once the cause is fixed. Exposed only where
 * {@code fieldguide.admin.enabled} is true, until the security topic puts it behind a role.
 */
@RestController
@ConditionalOnBooleanProperty("fieldguide.admin.enabled")
class OutboxAdminController {

  private final JdbcClient jdbc;

  OutboxAdminController(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @PostMapping("/admin/outbox/dead/redrive")
  Map<String, Integer> redriveDead() {
    int redriven = jdbc.sql("""
        UPDATE outbox_events
        SET status = 'PENDING', attempts = 0, next_attempt_at = now(), last_error = NULL
        WHERE status = 'DEAD'
        """).update();
    return Map.of("redriven", redriven);
  }
}
