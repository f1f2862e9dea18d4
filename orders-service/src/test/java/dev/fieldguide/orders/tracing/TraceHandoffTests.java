package dev.fieldguide.orders.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** O2: the work a request causes is handed a real span as its parent, or none. */
class TraceHandoffTests {

  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

  @AfterEach
  void clearLogContext() {
    MDC.clear();
  }

  @Test
  void handsOnTheCurrentSpansIds() {
    SpanContext current = SpanContext.create(TRACE_ID, "00f067aa0ba902b7", TraceFlags.getSampled(),
        TraceState.getDefault());

    try (var scope = Span.wrap(current).makeCurrent()) {
      assertThat(TraceHandoff.currentTraceparent())
          .isEqualTo("00-" + TRACE_ID + "-00f067aa0ba902b7-01");
    }
  }

  /** A made-up parent id would be a span no exporter ever receives. */
  @Test
  void handsOnNothingWithoutASpanEvenWhenTheLogContextHasATraceId() {
    MDC.put(TraceHandoff.TRACE_ID_MDC, TRACE_ID);

    assertThat(TraceHandoff.currentTraceparent()).isNull();
  }

  @Test
  void readsTheTraceIdOutOfATraceparent() {
    assertThat(TraceHandoff.traceIdOf("00-" + TRACE_ID + "-00f067aa0ba902b7-01"))
        .isEqualTo(TRACE_ID);
    assertThat(TraceHandoff.traceIdOf(null)).isEmpty();
    assertThat(TraceHandoff.traceIdOf("not-a-traceparent")).isEmpty();
  }
}
