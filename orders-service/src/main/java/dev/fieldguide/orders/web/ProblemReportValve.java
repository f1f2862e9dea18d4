package dev.fieldguide.orders.web;

import java.io.IOException;
import java.util.UUID;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * A5 at the container: what Tomcat refuses before any filter runs (a malformed request line,
 * path or header, too many or too large headers, a bad {@code Content-Length}, an unknown
 * transfer coding, an unsupported HTTP version) is answered as an RFC 9457 problem with the
 * security headers and a request id, like every other answer, instead of Tomcat's HTML page.
 *
 * <p>It replaces Tomcat's {@code ErrorReportValve} on the host ({@link ContainerErrors}), so it
 * reports exactly what that valve would have: errors nothing else has written a body for.
 */
final class ProblemReportValve extends ErrorReportValve {

  private final ProblemResponseWriter problems;

  ProblemReportValve(ProblemResponseWriter problems) {
    this.problems = problems;
    setShowReport(false);
    setShowServerInfo(false);
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    // As Tomcat's own report: only errors, only once, and never over a body already written.
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    HttpStatusCode code = HttpStatusCode.valueOf(status);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(code,
        status >= 500
            ? "The server could not serve this request."
            : "The request is not valid HTTP.");
    try {
      response.resetBuffer();
      SecurityHeaders.apply(request, response);
      response.setHeader(RequestCorrelation.REQUEST_ID_HEADER, UUID.randomUUID().toString());
      problems.write(request, response, problem, Problems.codeFor(code));
      response.finishResponse();
    } catch (IOException | IllegalStateException e) {
      // The client is gone or the connection is already broken: there is no one to answer.
      containerLog.debug("Could not write the problem for a refused request", e);
    }
  }
}
