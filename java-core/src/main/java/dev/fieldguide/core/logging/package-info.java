/**
 * P10 — structured, safe logging: JSON lines with trace_id, request_id, user_id, path and status,
 * no PII, ids taken from the request headers.
 *
 * <p>Logback writes each event as one JSON object through logstash-logback-encoder ({@link
 * dev.fieldguide.core.logging.RedactingLogstashEncoder}), whose masking decorator runs {@link
 * dev.fieldguide.core.logging.PiiRedactor} over every string value and blanks {@code
 * Authorization} fields; {@link dev.fieldguide.core.logging.RequestLogScope} puts the request's
 * ids in the MDC for the length of a try-with-resources block and takes them out again.
 *
 * @see dev.fieldguide.core.logging.JsonLoggingTests
 * @see dev.fieldguide.core.logging.PiiRedactorTests
 * @see dev.fieldguide.core.logging.RequestLogScopeTests
 */
@NullMarked
package dev.fieldguide.core.logging;

import org.jspecify.annotations.NullMarked;
