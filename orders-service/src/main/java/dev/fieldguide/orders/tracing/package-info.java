/**
 * O2 (with C7) — one trace across the asynchronous hops: request, job, stream event.
 *
 * <p>Work a request causes carries the W3C {@code traceparent} of the moment it was caused
 * ({@link dev.fieldguide.orders.tracing.TraceHandoff}); whoever runs the work later — a Quartz job,
 * a stream consumer, on any node — continues that trace as a child span and writes its
 * {@code trace_id} on every log line ({@link dev.fieldguide.orders.tracing.ContinuedTraces}). Spans
 * go to the OpenTelemetry agent when one is attached, else to an {@code OpenTelemetry} bean, else
 * nowhere.
 *
 * @see dev.fieldguide.orders.jobs.JobApiIntegrationTests
 * @see dev.fieldguide.orders.tracing.EventTraceIntegrationTests
 */
@ApplicationModule(displayName = "tracing (O2)", allowedDependencies = {})
@NullMarked
package dev.fieldguide.orders.tracing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
