package dev.fieldguide.core.values;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * The {@code NamedTuple} shape: immutable, compared by value, and — beyond a tuple — it checks its
 * own invariants once, in the compact constructor, so no invalid instance can exist. The currency
 * is a {@link Currency}, so only ISO 4217 codes exist, and the amount carries exactly the
 * currency's minor units: 2 for GBP, 0 for JPY, 3 for BHD.
 */
public record Money(BigDecimal amount, Currency currency) {

  public Money {
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("amount must not be negative: " + amount);
    }
    int minorUnits = currency.getDefaultFractionDigits();
    if (minorUnits < 0) { // XAU, XXX: codes of the standard that are not money one can pay
      throw new IllegalArgumentException(currency + " has no minor unit");
    }
    // 10.0 and 10.00 are the same money; normalising the scale makes equals agree. A finer amount
    // than the currency has (1.5 JPY, 0.001 GBP) is refused, never rounded away.
    try {
      amount = amount.setScale(minorUnits, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          currency + " has " + minorUnits + " decimal places: " + amount, e);
    }
  }

  /** Money in the currency with this ISO 4217 code; a code the standard lacks is refused. */
  public static Money of(BigDecimal amount, String currencyCode) {
    Currency currency;
    try {
      currency = Currency.getInstance(currencyCode);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("currency must be an ISO 4217 code: " + currencyCode, e);
    }
    return new Money(amount, currency);
  }

  public Money plus(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
    }
    return new Money(amount.add(other.amount), currency);
  }
}
