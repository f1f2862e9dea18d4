package dev.fieldguide.orders.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

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
   * The current span's {@code traceparent} when a tracer runs (the agent's server span, so the
   * work becomes its child); otherwise one made from the log MDC's trace id, which keeps the work
   * in the same trace; null outside any request or job.
   */
  public static @Nullable String currentTraceparent() {
    SpanContext span = Span.current().getSpanContext();
    if (span.isValid()) {
      return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-"
          + span.getTraceFlags().asHex();
    }
    String traceId = MDC.get(TRACE_ID_MDC);
    if (traceId == null) {
      return null;
    }
    String spanId = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    return "00-" + traceId + "-" + spanId + "-01";
  }

  /** The trace id inside a {@code traceparent}; empty when there is none. */
  static String traceIdOf(@Nullable String traceparent) {
    String[] parts = traceparent == null ? new String[0] : traceparent.split("-");
    return parts.length == 4 ? parts[1] : "";
  }
}
