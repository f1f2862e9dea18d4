package dev.fieldguide.orders.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A5: an error answer that left this filter without a body gets the problem it should have
 * had. Some answers are status codes only: Spring for GraphQL's 405 and 415, a 406 whose
 * client accepts nothing Spring could write, a status set by a handler that wrote nothing. One
 * rule here instead of one per source.
 */
final class ProblemBodies extends OncePerRequestFilter {

  private final ProblemResponseWriter problems;

  ProblemBodies(ProblemResponseWriter problems) {
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    var watched = new BodyWatch(response);
    chain.doFilter(request, watched);
    int status = watched.getStatus();
    if (status >= 400 && !watched.bodyStarted && !watched.sentError && !response.isCommitted()
        && !"HEAD".equals(request.getMethod())) {
      HttpStatusCode code = HttpStatusCode.valueOf(status);
      HttpStatus known = HttpStatus.resolve(status);
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(code, known == null
          ? "The request was refused."
          : "The request was refused: " + known.getReasonPhrase() + ".");
      problems.write(request, response, problem, Problems.codeFor(code));
    }
  }

  /** Notes whether anyone asked for the body's stream, or left the answer to the error page. */
  private static final class BodyWatch extends HttpServletResponseWrapper {

    private boolean bodyStarted;
    private boolean sentError;

    BodyWatch(HttpServletResponse response) {
      super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      bodyStarted = true;
      return super.getOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      bodyStarted = true;
      return super.getWriter();
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      sentError = true;
      super.sendError(status, message);
    }

    @Override
    public void sendError(int status) throws IOException {
      sentError = true;
      super.sendError(status);
    }
  }
}
