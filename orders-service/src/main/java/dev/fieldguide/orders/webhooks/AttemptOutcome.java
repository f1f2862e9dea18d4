package dev.fieldguide.orders.webhooks;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What one attempt to deliver a webhook came to, and so what happens next: a 2xx is delivered;
 * a timeout, an I/O error, 408, 429 and any 5xx may pass and are retried (after the subscriber's
 * {@code Retry-After} when it sends one); every other answer — 3xx (redirects are not followed),
 * 400, 401, 404, 410... — will not change by asking again, so the delivery is dead at once.
 *
 * @param retryAfter the wait the subscriber asked for, if it asked
 */
record AttemptOutcome(Kind kind, String detail, Optional<Duration> retryAfter) {

  enum Kind {
    DELIVERED, RETRYABLE, PERMANENT
  }

  /** The outcome of an answer with {@code status} and a {@code Retry-After} header, if any. */
  static AttemptOutcome ofResponse(int status, @Nullable String retryAfter, Instant now) {
    String detail = "HTTP " + status;
    if (status >= 200 && status < 300) {
      return new AttemptOutcome(Kind.DELIVERED, detail, Optional.empty());
    }
    if (status == 408 || status == 429 || status >= 500) {
      Optional<Duration> asked = retryAfter(retryAfter, now);
      return new AttemptOutcome(Kind.RETRYABLE,
          asked.map(wait -> detail + ", Retry-After " + wait.toSeconds() + " s").orElse(detail),
          asked);
    }
    return new AttemptOutcome(Kind.PERMANENT, detail, Optional.empty());
  }

  /** No answer: the connection failed, was reset or timed out. The next attempt may get one. */
  static AttemptOutcome ofNoResponse(IOException cause) {
    return new AttemptOutcome(Kind.RETRYABLE,
        cause.getClass().getSimpleName() + ": " + cause.getMessage(), Optional.empty());
  }

  /** A delivery that cannot be attempted at all (its endpoint is no longer configured). */
  static AttemptOutcome undeliverable(String why) {
    return new AttemptOutcome(Kind.PERMANENT, why, Optional.empty());
  }

  /**
   * {@code Retry-After} as RFC 9110 (10.2.3) writes it: delay-seconds or an HTTP-date. A date in
   * the past means now; a value that is neither is ignored, and the backoff decides.
   */
  static Optional<Duration> retryAfter(@Nullable String value, Instant now) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String trimmed = value.strip();
    if (trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(trimmed)));
      } catch (NumberFormatException tooLong) {
        return Optional.empty();
      }
    }
    try {
      Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
    } catch (DateTimeParseException notADate) {
      return Optional.empty();
    }
  }
}
