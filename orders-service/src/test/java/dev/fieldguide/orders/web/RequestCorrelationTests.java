package dev.fieldguide.orders.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.tracing.TraceHandoff;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import jakarta.servlet.FilterChain;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * O2 without the agent: a request that brings a {@code traceparent} hands its work the caller's
 * span as parent (a span that exists, in the caller's exporter); one that brings none hands on
 * nothing. With the agent, its server span wins.
 */
class RequestCorrelationTests {

  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String CALLER = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

  private final Map<String, String> seenInside = new HashMap<>();

  @AfterEach
  void clearLogContext() {
    MDC.clear();
  }

  @Test
  void withoutAnAgentTheCallersSpanIsWhatTheRequestHandsOn() throws Exception {
    MockHttpServletRequest request = request();
    request.addHeader("traceparent", CALLER);

    serve(request);

    assertThat(seenInside).containsEntry("handoff", CALLER).containsEntry("trace_id", TRACE_ID)
        .as("the caller's span is not this service's: no span_id of ours on the lines")
        .doesNotContainKey("span_id");
    assertThat(Span.current().getSpanContext().isValid()).as("restored after the request")
        .isFalse();
  }

  @Test
  void withoutAnAgentOrATraceparentNothingIsHandedOnButTheLinesStillHaveATraceId()
      throws Exception {
    serve(request());

    assertThat(seenInside).doesNotContainKey("handoff").containsKey("trace_id");
    assertThat(seenInside.get("trace_id")).matches("[0-9a-f]{32}");
  }

  @Test
  void theAgentsServerSpanWinsOverTheCallersHeader() throws Exception {
    SpanContext server = SpanContext.create("0af7651916cd43dd8448eb211c80319c",
        "b7ad6b7169203331", TraceFlags.getSampled(), TraceState.getDefault());
    MockHttpServletRequest request = request();
    request.addHeader("traceparent", CALLER);

    try (var agent = Span.wrap(server).makeCurrent()) {
      serve(request);
    }

    assertThat(seenInside)
        .containsEntry("handoff", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
        .containsEntry("trace_id", "0af7651916cd43dd8448eb211c80319c")
        .containsEntry("span_id", "b7ad6b7169203331");
  }

  private static MockHttpServletRequest request() {
    return new MockHttpServletRequest("POST", "/api/v1/jobs");
  }

  private void serve(MockHttpServletRequest request) throws Exception {
    FilterChain chain = (req, res) -> {
      String handoff = TraceHandoff.currentTraceparent();
      if (handoff != null) {
        seenInside.put("handoff", handoff);
      }
      for (String key : new String[]{TraceHandoff.TRACE_ID_MDC, TraceHandoff.SPAN_ID_MDC}) {
        String value = MDC.get(key);
        if (value != null) {
          seenInside.put(key, value);
        }
      }
    };
    new RequestCorrelation().doFilter(request, new MockHttpServletResponse(), chain);
  }
}
