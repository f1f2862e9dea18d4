package dev.fieldguide.orders.orders;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * Money as version 2 shows it: a decimal string (never a binary float) and its ISO 4217 currency.
 * Storage stays integer cents; this is only the wire format.
 */
record Money(String amount, String currency) {

  static Money ofMinorUnits(long minor, Currency currency) {
    return new Money(BigDecimal.valueOf(minor, currency.getDefaultFractionDigits()).toPlainString(),
        currency.getCurrencyCode());
  }
}
