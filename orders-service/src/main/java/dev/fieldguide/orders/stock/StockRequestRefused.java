package dev.fieldguide.orders.stock;

/**
 * A stock call refused for a reason the caller can act on. {@link StatusMapping} turns the reason
 * into the gRPC status; the message goes to the caller as the status description, so it names
 * the field or id at fault and nothing internal.
 */
class StockRequestRefused extends RuntimeException {

  /** Why; each maps to exactly one status code. */
  enum Reason {
    INVALID_ARGUMENT, UNKNOWN_PRODUCT, INSUFFICIENT_STOCK, RESERVATION_ID_TAKEN, DEADLINE_PASSED
  }

  private final Reason reason;

  StockRequestRefused(Reason reason, String message) {
    // No stack trace: this is an answer to the caller, not a fault to debug.
    super(message, null, false, false);
    this.reason = reason;
  }

  Reason reason() {
    return reason;
  }
}
