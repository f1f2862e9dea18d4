package dev.fieldguide.orders.web;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * Refuses HTTP/0.9: such a request has no headers (so no Host to check, no token) and its answer
 * could carry no status line or headers, so it is not served at all; the connection closes
 * without a response body. Tomcat parses it as HTTP/0.9 when the request line has no version.
 */
final class Http09Refusal extends ValveBase {

  static final String HTTP_0_9 = "HTTP/0.9";

  Http09Refusal() {
    super(true);
  }

  @Override
  public void invoke(Request request, Response response) throws IOException, ServletException {
    if (HTTP_0_9.equals(request.getProtocol()) || request.getProtocol().isEmpty()) {
      response.setStatus(400);
      response.setErrorReported();
      return;
    }
    getNext().invoke(request, response);
  }
}
