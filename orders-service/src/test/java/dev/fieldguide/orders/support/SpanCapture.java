package dev.fieldguide.orders.support;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.Collections;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * An OpenTelemetry SDK whose spans stay in memory, in place of the agent a deployment attaches,
 * so tests can read the spans the service made (their trace and parent ids). Like the agent, it
 * wraps every request in a SERVER span (named {@code <method> <path>}), current while the
 * request is served and the child of an incoming {@code traceparent}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SpanCapture {

  @Bean
  InMemorySpanExporter spanExporter() {
    return InMemorySpanExporter.create();
  }

  @Bean
  OpenTelemetry openTelemetry(InMemorySpanExporter exporter) {
    return OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
        .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()).build();
  }

  @Bean
  CapturedSpans capturedSpans(InMemorySpanExporter exporter) {
    return new CapturedSpans(exporter);
  }

  /** An engine valve: outside every filter and host valve, where the agent's span starts. */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> serverSpans(
      OpenTelemetry openTelemetry) {
    Tracer tracer = openTelemetry.getTracer("field-guide-tests.server");
    return factory -> factory.addEngineValves(new ServerSpanValve(tracer));
  }

  /** The agent's server span, as far as the tests need it. */
  static final class ServerSpanValve extends ValveBase {

    private static final TextMapGetter<Request> HEADERS = new TextMapGetter<>() {
      @Override
      public Iterable<String> keys(Request request) {
        return Collections.list(request.getHeaderNames());
      }

      @Override
      public @Nullable String get(@Nullable Request request, String name) {
        return request == null ? null : request.getHeader(name);
      }
    };

    private final Tracer tracer;

    ServerSpanValve(Tracer tracer) {
      super(true);
      this.tracer = tracer;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
      Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), request,
          HEADERS);
      Span span = tracer.spanBuilder(request.getMethod() + " " + request.getRequestURI())
          .setParent(parent).setSpanKind(SpanKind.SERVER)
          .setAttribute("http.request.method", request.getMethod())
          .setAttribute("url.path", request.getRequestURI()).startSpan();
      try (Scope scope = span.makeCurrent()) {
        getNext().invoke(request, response);
      } finally {
        span.setAttribute("http.response.status_code", response.getStatus());
        span.end();
      }
    }
  }
}
