package dev.fieldguide.orders.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Version 2's money: integer minor units shown as an exact decimal string with as many fraction
 * digits as the currency has, never through a binary float.
 */
class MoneyTests {

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
      "1250, EUR, 12.50",
      "5, EUR, 0.05",
      "0, EUR, 0.00",
      "-5, EUR, -0.05",
      "1250, JPY, 1250",
      "1250, BHD, 1.250"})
  void minorUnitsAreShownWithTheCurrencysFractionDigits(long minor, String code, String amount) {
    assertThat(Money.ofMinorUnits(minor, Currency.getInstance(code)))
        .isEqualTo(new Money(amount, code));
  }

  @Test
  void theLargestTotalIsShownExactly() {
    // As a double, 92233720368547758.07 would print as 9.223372036854776E16.
    assertThat(Money.ofMinorUnits(Long.MAX_VALUE, Currency.getInstance("USD")).amount())
        .isEqualTo("92233720368547758.07");
  }
}
