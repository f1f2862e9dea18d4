package dev.fieldguide.orders.web;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a request id ({@code X-Request-ID}, echoed or generated) and a trace id,
 * and puts both in the log MDC for the request's duration.
 *
 * <p>The trace id comes from the active OpenTelemetry span when the agent runs; otherwise from an
 * incoming W3C {@code traceparent}; otherwise a fresh one is made, so every error can be quoted.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestCorrelation extends OncePerRequestFilter {

  public static final String REQUEST_ID_HEADER = "X-Request-ID";
  static final String REQUEST_ID_MDC = "request_id";
  static final String TRACE_ID_MDC = "trace_id";

  private static final String TRACE_ID_ATTRIBUTE = RequestCorrelation.class.getName() + ".traceId";
  private static final String REQUEST_ID_ATTRIBUTE = RequestCorrelation.class.getName()
      + ".requestId";
  // Echo only ids that are safe to log and to put back in a header.
  private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  private static final Pattern TRACEPARENT = Pattern
      .compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");
  private static final String INVALID_TRACE_ID = "0".repeat(32);

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    String requestId = requestId(request.getHeader(REQUEST_ID_HEADER));
    String traceId = chooseTraceId(request.getHeader("traceparent"));
    request.setAttribute(TRACE_ID_ATTRIBUTE, traceId);
    request.setAttribute(REQUEST_ID_ATTRIBUTE, requestId);
    response.setHeader(REQUEST_ID_HEADER, requestId);
    try (var r = MDC.putCloseable(REQUEST_ID_MDC, requestId);
        var t = MDC.putCloseable(TRACE_ID_MDC, traceId)) {
      chain.doFilter(request, response);
    }
  }

  /** The trace id this filter chose for the request (or a fresh one outside of it). */
  public static String traceId(HttpServletRequest request) {
    return request.getAttribute(TRACE_ID_ATTRIBUTE) instanceof String id ? id : chooseTraceId(null);
  }

  /**
   * The W3C {@code traceparent} to hand on with work this request causes (an outbox event, an
   * enqueued job), so that work joins the request's trace; null outside a request.
   */
  public static @Nullable String traceparent() {
    String traceId = MDC.get("trace_id");
    if (traceId == null) {
      return null;
    }
    String spanId = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    return "00-" + traceId + "-" + spanId + "-01";
  }

  /** The request id this filter chose for the request (echoed or generated). */
  public static String requestId(HttpServletRequest request) {
    return request.getAttribute(REQUEST_ID_ATTRIBUTE) instanceof String id
        ? id
        : requestId((String) null);
  }

  private static String requestId(@Nullable String incoming) {
    if (incoming != null && SAFE_REQUEST_ID.matcher(incoming).matches()) {
      return incoming;
    }
    return UUID.randomUUID().toString();
  }

  private static String chooseTraceId(@Nullable String traceparent) {
    SpanContext span = Span.current().getSpanContext();
    if (span.isValid()) {
      return span.getTraceId();
    }
    if (traceparent != null) {
      var matcher = TRACEPARENT.matcher(traceparent);
      if (matcher.matches() && !matcher.group(1).equals(INVALID_TRACE_ID)) {
        return matcher.group(1);
      }
    }
    byte[] random = new byte[16];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
