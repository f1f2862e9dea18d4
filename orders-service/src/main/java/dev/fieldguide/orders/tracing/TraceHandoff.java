package dev.fieldguide.orders.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import org.jspecify.annotations.Nullable;

/**
 * The W3C {@code traceparent} a request hands to the work it causes (an outbox event, an enqueued
 * job), stored with that work so whoever runs it later joins the request's trace.
 */
public final class TraceHandoff {

  public static final String TRACE_ID_MDC = "trace_id";

  /**
   * Set by this code next to {@code trace_id}: the agent's log instrumentation adds ids only to
   * lines whose MDC has no {@code trace_id} yet, so whoever sets one sets both.
   */
  public static final String SPAN_ID_MDC = "span_id";

  private TraceHandoff() {}

  /**
   * The current span's {@code traceparent}, so the work becomes its child: the agent's server span
   * in a request, the job's or consumer's span in work that causes more work, or the caller's
   * span that {@code RequestCorrelation} makes current when no agent runs. Null when there is no
   * span: a parent id made up here would be a span no exporter ever receives, and the work's span
   * would hang from nothing.
   */
  public static @Nullable String currentTraceparent() {
    SpanContext span = Span.current().getSpanContext();
    if (!span.isValid()) {
      return null;
    }
    return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
  }

  /** The trace id inside a {@code traceparent}; empty when there is none. */
  static String traceIdOf(@Nullable String traceparent) {
    String[] parts = traceparent == null ? new String[0] : traceparent.split("-");
    return parts.length == 4 ? parts[1] : "";
  }
}
