package dev.fieldguide.orders.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's error page so that errors raised outside Spring MVC (by the servlet container
 * or a filter) are problem+json too, with the same fields and no internals.
 */
@RestController
class ProblemErrorController implements ErrorController {

  @RequestMapping("${server.error.path:/error}")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    // Reached only by the container's error dispatch, which says why; a client asking for
    // /error itself asked for a path that is not the API's.
    HttpStatusCode status = request
        .getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
            ? HttpStatusCode.valueOf(code)
            : HttpStatus.NOT_FOUND;
    boolean serverError = status.is5xxServerError();
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, serverError
        ? "An unexpected error occurred. Quote the traceId when reporting it."
        : "The request could not be processed.");
    Problems.complete(problem, serverError ? "INTERNAL_ERROR" : Problems.codeFor(status), request);
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
