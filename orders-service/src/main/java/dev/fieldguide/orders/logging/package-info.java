/**
 * O3 (and P10 in the service) — structured, safe logging.
 *
 * <p>The api and worker roles write one JSON object per line through Spring Boot's structured
 * logging (Logstash layout), carrying the MDC fields {@code trace_id}, {@code span_id} (from the
 * agent), {@code request_id}, {@code path} and {@code status}; every string value passes through
 * java-core's {@code PiiRedactor} on its way out; local runs keep the readable console pattern.
 *
 * @see dev.fieldguide.orders.logging.JsonLogLinesTests
 * @see dev.fieldguide.orders.web.AccessLogIntegrationTests
 */
@ApplicationModule(displayName = "logging (O3)", allowedDependencies = {})
@NullMarked
package dev.fieldguide.orders.logging;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
