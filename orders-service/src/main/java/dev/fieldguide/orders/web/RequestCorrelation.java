package dev.fieldguide.orders.web;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import dev.fieldguide.core.logging.RequestLogScope;
import dev.fieldguide.orders.tracing.TraceHandoff;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a request id ({@code X-Request-ID}, echoed or generated) and a trace id, puts
 * both and the path in the log MDC for the request's duration (java-core's
 * {@link RequestLogScope}), and ends each API request with one access line carrying its status,
 * method and duration.
 *
 * <p>The trace id comes from the active OpenTelemetry span when the agent runs; otherwise from an
 * incoming W3C {@code traceparent}, whose span is then made current as the request's parent;
 * otherwise a fresh one is made, so every error can be quoted.
 */
public class RequestCorrelation extends OncePerRequestFilter {

  public static final String REQUEST_ID_HEADER = "X-Request-ID";

  /** Its own logger, so the access lines can be turned down without touching anything else. */
  private static final Logger access = LoggerFactory.getLogger("dev.fieldguide.orders.access");

  private static final TextMapGetter<HttpServletRequest> HEADERS = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(HttpServletRequest request) {
      return Collections.list(request.getHeaderNames());
    }

    @Override
    public @Nullable String get(@Nullable HttpServletRequest request, String name) {
      return request == null ? null : request.getHeader(name);
    }
  };

  private static final String TRACE_ID_ATTRIBUTE = RequestCorrelation.class.getName() + ".traceId";
  private static final String REQUEST_ID_ATTRIBUTE = RequestCorrelation.class.getName()
      + ".requestId";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    long start = System.nanoTime();
    try (Scope caller = callerContext(request).makeCurrent()) {
      correlate(request, response, chain, start);
    }
  }

  private static void correlate(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain, long start) throws ServletException, IOException {
    SpanContext active = Span.current().getSpanContext();
    if (active.isValid() && !active.isRemote()) {
      MDC.put(TraceHandoff.SPAN_ID_MDC, active.getSpanId());
    }
    try (var scope = RequestLogScope.open(request::getHeader, request.getRequestURI(),
        active.isValid() ? active.getTraceId() : null)) {
      request.setAttribute(TRACE_ID_ATTRIBUTE, scope.traceId());
      request.setAttribute(REQUEST_ID_ATTRIBUTE, scope.requestId());
      response.setHeader(REQUEST_ID_HEADER, scope.requestId());
      try {
        chain.doFilter(request, response);
      } finally {
        if (!request.getRequestURI().startsWith("/actuator")) {
          scope.status(response.getStatus());
          long millis = (System.nanoTime() - start) / 1_000_000;
          // Method and duration as fields too, so a JSON line answers without parsing the text.
          access.atInfo().addKeyValue("method", request.getMethod())
              .addKeyValue("duration_ms", millis).log("{} {} {} in {} ms", request.getMethod(),
                  request.getRequestURI(), response.getStatus(), millis);
        }
      }
    } finally {
      MDC.remove(TraceHandoff.SPAN_ID_MDC);
    }
  }

  /**
   * The agent's server span when it runs; otherwise the caller's span from a valid incoming
   * {@code traceparent}, so work this request hands on (TraceHandoff) hangs from a span that
   * exists; otherwise no span at all.
   */
  private static Context callerContext(HttpServletRequest request) {
    if (Span.current().getSpanContext().isValid()) {
      return Context.current();
    }
    return W3CTraceContextPropagator.getInstance().extract(Context.current(), request, HEADERS);
  }

  /** The trace id this filter chose for the request (or a fresh one outside of it). */
  public static String traceId(HttpServletRequest request) {
    if (request.getAttribute(TRACE_ID_ATTRIBUTE) instanceof String id) {
      return id;
    }
    String active = activeTraceId();
    return active != null ? active : UUID.randomUUID().toString().replace("-", "");
  }

  /** The request id this filter chose for the request (echoed or generated). */
  public static String requestId(HttpServletRequest request) {
    return request.getAttribute(REQUEST_ID_ATTRIBUTE) instanceof String id
        ? id
        : UUID.randomUUID().toString();
  }

  private static @Nullable String activeTraceId() {
    SpanContext span = Span.current().getSpanContext();
    return span.isValid() ? span.getTraceId() : null;
  }
}
