package dev.fieldguide.orders.reporting;

import dev.fieldguide.orders.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The view has never been refreshed (a fresh database before the first refresh job): a 503 that
 * tells the client to come back, not a 500 from reading an unpopulated view.
 */
class ReportNotReadyException extends ErrorResponseException {

  ReportNotReadyException(String view) {
    // Built before super(): the constructor then calls nothing a subclass could override.
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
        "The report '%s' has not been computed yet; try again in a few minutes.".formatted(view));
    body.setTitle("Service Unavailable");
    body.setProperty(Problems.CODE, "REPORT_NOT_READY");
    super(HttpStatus.SERVICE_UNAVAILABLE, body, null);
    getHeaders().set(HttpHeaders.RETRY_AFTER, "60");
  }
}
