package dev.fieldguide.orders.support;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * An OpenTelemetry SDK whose spans stay in memory, in place of the agent a deployment attaches,
 * so tests can read the spans the service made (their trace and parent ids).
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
}
