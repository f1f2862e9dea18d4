package dev.fieldguide.orders.jobs;

import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * C5: {@code nightly-report}, a placeholder on the nightly schedule that only records its run;
 * the reporting issue gives it a body.
 */
@Component
class NightlyReportTask implements Task {

  static final String TYPE = "nightly-report";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Object run(TaskContext context) {
    return Map.of("report", "placeholder", "ranAt", Instant.now().toString());
  }
}
