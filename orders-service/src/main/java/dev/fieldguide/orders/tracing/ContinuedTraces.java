package dev.fieldguide.orders.tracing;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Continues a trace carried as a stored {@code traceparent} (a job row, a stream message): a
 * consumer span whose parent is the span that caused the work, current for the block, with its ids
 * in the log MDC — so a trace shows the request and the work it caused, however much later and
 * wherever that work ran.
 */
@Component
public class ContinuedTraces {

  private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Map<String, String> carrier) {
      return carrier.keySet();
    }

    @Override
    public @Nullable String get(@Nullable Map<String, String> carrier, String key) {
      return carrier == null ? null : carrier.get(key);
    }
  };

  private final Tracer tracer;

  ContinuedTraces(ObjectProvider<OpenTelemetry> openTelemetry) {
    this.tracer = openTelemetry.getIfAvailable(GlobalOpenTelemetry::get)
        .getTracer("dev.fieldguide.orders");
  }

  /** Starts the span {@code name} as a child of {@code traceparent} and makes it current. */
  // The scope is not leaked: it is closed by TracedWork.close(), run by the caller's try block.
  @SuppressWarnings("MustBeClosedChecker")
  public TracedWork start(String name, @Nullable String traceparent, Map<String, Long> attributes) {
    Context parent = traceparent == null
        ? Context.root()
        : W3CTraceContextPropagator.getInstance().extract(Context.root(),
            Map.of("traceparent", traceparent), MAP);
    var builder = tracer.spanBuilder(name).setParent(parent).setSpanKind(SpanKind.CONSUMER);
    attributes.forEach(builder::setAttribute);
    Span span = builder.startSpan();
    SpanContext context = span.getSpanContext();
    if (context.isValid()) {
      MDC.put(TraceHandoff.TRACE_ID_MDC, context.getTraceId());
      MDC.put(TraceHandoff.SPAN_ID_MDC, context.getSpanId());
    } else {
      // Without a tracer the span is a no-op; the log lines still get the caller's trace id.
      MDC.put(TraceHandoff.TRACE_ID_MDC, TraceHandoff.traceIdOf(traceparent));
    }
    return new TracedWork(span, span.makeCurrent());
  }

  /** The span and its scope; closing ends both and takes the trace id off the log MDC. */
  public record TracedWork(Span span, Scope scope) implements AutoCloseable {
    @Override
    public void close() {
      scope.close();
      span.end();
      MDC.remove(TraceHandoff.TRACE_ID_MDC);
      MDC.remove(TraceHandoff.SPAN_ID_MDC);
    }
  }
}
