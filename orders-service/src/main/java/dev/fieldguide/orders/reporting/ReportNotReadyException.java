package dev.fieldguide.orders.reporting;

import dev.fieldguide.orders.errors.DomainException;
import java.time.Duration;

/**
 * The view has never been refreshed (a fresh database before the first refresh job): a refusal
 * that tells the client to come back in a minute, not a 500 from reading an unpopulated view.
 */
class ReportNotReadyException extends DomainException {

  ReportNotReadyException(String view) {
    super(Kind.UNAVAILABLE, "REPORT_NOT_READY",
        "The report '%s' has not been computed yet; try again in a few minutes.".formatted(view),
        null, Duration.ofMinutes(1));
  }
}
