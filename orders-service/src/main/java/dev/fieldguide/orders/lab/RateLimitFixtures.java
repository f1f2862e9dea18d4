package dev.fieldguide.orders.lab;

import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lab-only endpoints under {@code /api/**}: the cheapest JSON the app can serve (the throughput
 * baseline) and routes whose rate-limit policies the labs and tests configure.
 */
@RestController
@ConditionalOnBooleanProperty("fieldguide.lab.enabled")
class RateLimitFixtures {

  static final String PING = "/api/lab/ping";
  static final String LIMITED = "/api/lab/limited/";

  private static final Map<String, Boolean> PONG = Map.of("pong", true);

  @GetMapping({PING, LIMITED + "{policy}"})
  Map<String, Boolean> ping() {
    return PONG;
  }
}
