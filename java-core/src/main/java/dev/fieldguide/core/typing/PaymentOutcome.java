package dev.fieldguide.core.typing;

import java.math.BigDecimal;

/**
 * A closed set of outcomes: because the interface is sealed, a {@code switch} that forgets a case
 * does not compile, which is the check a Python {@code match} on a union only gets from a linter.
 */
public sealed interface PaymentOutcome {

  record Approved(String authorisation, BigDecimal amount) implements PaymentOutcome {}

  record Declined(String reason) implements PaymentOutcome {}

  record NeedsReview(String caseId) implements PaymentOutcome {}

  /** Exhaustive without a {@code default}: adding a fourth outcome breaks this line on purpose. */
  static String describe(PaymentOutcome outcome) {
    return switch (outcome) {
      case Approved(var authorisation, var amount) -> "approved " + amount + " as " + authorisation;
      case Declined(var reason) -> "declined: " + reason;
      case NeedsReview(var caseId) -> "held for review in case " + caseId;
    };
  }
}
