package dev.fieldguide.orders.jobs;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * C7: each job run gets a span whose parent is the enqueuing request's (from the stored W3C
 * {@code traceparent}), so a trace shows the request and the work it caused, however much later
 * and wherever that work ran. The OpenTelemetry is the agent's when one is attached (or a bean);
 * without either, spans are no-ops.
 */
@Component
class JobTracing {

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

  JobTracing(ObjectProvider<OpenTelemetry> openTelemetry) {
    this.tracer = openTelemetry.getIfAvailable(GlobalOpenTelemetry::get)
        .getTracer("dev.fieldguide.orders.jobs");
  }

  /** Starts the span of one attempt, a child of the request that enqueued the run. */
  Span start(String type, int attempt, @Nullable String traceparent) {
    Context parent = traceparent == null
        ? Context.root()
        : W3CTraceContextPropagator.getInstance().extract(Context.root(),
            Map.of("traceparent", traceparent), MAP);
    return tracer.spanBuilder("job " + type).setParent(parent).setSpanKind(SpanKind.CONSUMER)
        .setAttribute("job.attempt", attempt).startSpan();
  }
}
