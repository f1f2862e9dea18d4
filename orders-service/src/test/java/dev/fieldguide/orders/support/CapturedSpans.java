package dev.fieldguide.orders.support;

import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * The spans {@link SpanCapture} kept, read the way the tracing tests need them: a span ends when
 * its work does, sometimes after the response has reached the test, so each read waits (bounded)
 * for the spans it expects.
 */
public class CapturedSpans {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final InMemorySpanExporter exporter;

  CapturedSpans(InMemorySpanExporter exporter) {
    this.exporter = exporter;
  }

  /** The SERVER span the service made for {@code method path} in trace {@code traceId}. */
  public SpanData serverSpan(String traceId, String methodAndPath) {
    return one(span -> span.getKind() == SpanKind.SERVER
        && span.getTraceId().equals(traceId) && span.getName().equals(methodAndPath));
  }

  /** The finished spans named {@code name} whose parent is {@code parent}, once there are any. */
  public List<SpanData> childrenOf(SpanData parent, Predicate<String> name) {
    return await().atMost(WAIT).until(() -> matching(span -> name.test(span.getName())
        && span.getParentSpanId().equals(parent.getSpanId())), spans -> !spans.isEmpty());
  }

  private SpanData one(Predicate<SpanData> which) {
    return await().atMost(WAIT).until(() -> matching(which), spans -> spans.size() == 1)
        .getFirst();
  }

  private List<SpanData> matching(Predicate<SpanData> which) {
    return exporter.getFinishedSpanItems().stream().filter(which).toList();
  }
}
