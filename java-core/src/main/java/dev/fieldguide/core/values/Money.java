package dev.fieldguide.core.values;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The {@code NamedTuple} shape: immutable, compared by value, and — beyond a tuple — it checks its
 * own invariants once, in the compact constructor, so no invalid instance can exist.
 */
public record Money(BigDecimal amount, String currency) {

  public Money {
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("amount must not be negative: " + amount);
    }
    if (!currency.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException("currency must be an ISO 4217 code: " + currency);
    }
    // 10.0 and 10.00 are the same money; normalising the scale makes equals agree.
    amount = amount.setScale(2, RoundingMode.UNNECESSARY);
  }

  public Money plus(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
    }
    return new Money(amount.add(other.amount), currency);
  }
}
