package dev.fieldguide.orders.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One row of the audit log, as operators read it. */
public record AuditEvent(long id, Instant occurredAt, @Nullable String actor, String action,
    Outcome outcome, int status, @Nullable String reason, String requestId,
    @Nullable String clientIp) {

  /** How the audited request ended. */
  public enum Outcome {
    /** An admin action that completed (2xx/3xx). */
    SUCCEEDED,
    /** An admin action that was allowed but failed (4xx/5xx). */
    FAILED,
    /** An authenticated caller without the role or ownership the request needs. */
    DENIED,
    /** No valid token where one was required. */
    UNAUTHENTICATED
  }
}
