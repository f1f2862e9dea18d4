package dev.fieldguide.orders.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.CapturedSpans;
import dev.fieldguide.orders.support.EventDelivery;
import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.TestData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * O2: an order's event, relayed through the Redis Stream and applied by a consumer, continues the
 * trace of the request that placed the order — as a child span of that request's server span and
 * on the consumer's log line.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class EventTraceIntegrationTests {

  @Autowired
  Api api;

  @Autowired
  TestData data;

  @Autowired
  EventDelivery events;

  @Autowired
  CapturedSpans spans;

  @Test
  void consumingTheOrdersEventContinuesThePlacingRequestsTrace(CapturedOutput output) {
    String traceId = UUID.randomUUID().toString().replace("-", "");
    var placed = api.placeOrder(data.customer(), data.productWithStock(250, 5), 1,
        Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));
    assertThat(placed.status()).isEqualTo(201);

    events.deliverAll();

    SpanData request = spans.serverSpan(traceId, "POST /api/v1/orders");
    List<SpanData> consumed = spans.childrenOf(request, name -> name.startsWith("consume "));
    assertThat(consumed).extracting(SpanData::getName).containsExactlyInAnyOrder(
        "consume OrderPlaced by notifications", "consume OrderPlaced by sales-stats");
    assertThat(consumed).extracting(SpanData::getTraceId).containsOnly(traceId);
    assertThat(output.getAll().lines().filter(line -> line.contains("applied by notifications")
        && line.contains("trace=" + traceId))).hasSize(1);
  }
}
