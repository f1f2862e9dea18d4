package dev.fieldguide.core.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PiiRedactorTests {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "reset link sent to jane.doe@example.com | reset link sent to ***@example.com",
      "from j+promo@mail.example.co.uk, cc bob@x.io | from ***@mail.example.co.uk, cc ***@x.io",
  })
  void masksEmailLocalPartKeepingTheDomain(String text, String redacted) {
    assertThat(PiiRedactor.redact(text)).isEqualTo(redacted);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "card 4242424242424242 declined | card **** **** **** 4242 declined",
      "card 4242 4242 4242 4242 declined | card **** **** **** 4242 declined",
      "card 5555-5555-5555-4444 declined | card **** **** **** 4444 declined",
      "amex 378282246310005 | amex **** **** **** 0005",
  })
  void masksLuhnValidCardNumbersKeepingTheLastFour(String text, String redacted) {
    assertThat(PiiRedactor.redact(text)).isEqualTo(redacted);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "order 4242424242424241 shipped", // 16 digits, fails Luhn by one
      "order 20240115123045123 shipped", // 17-digit id, fails Luhn
      "ref 94242424242424242 kept", // a card inside a longer number is not a card
      "phone +1 555-123-4567", // too short
  })
  void leavesOtherDigitRunsAlone(String text) {
    assertThat(PiiRedactor.redact(text)).isEqualTo(text);
  }

  /** Each holds a Luhn-valid run of 13–19 digits starting with 2–6, touching a letter. */
  @ParameterizedTest
  @ValueSource(strings = {
      "trace_id=25211679822241f2b5399e899abdc3c6", // a W3C trace id, as a log line carried it
      "span 00f067aa4242424242424242", // the run ends the id
      "sha deadbeef4242424242424242cafe", // the run inside a hash
      "ref A4242424242424242", // one letter before is enough
  })
  void leavesDigitRunsInsideIdentifiersAlone(String text) {
    assertThat(PiiRedactor.redact(text)).isEqualTo(text);
  }

  @Test
  void leavesLuhnValidTimestampsAlone() {
    String epochMillis = "1718000000006";
    assertThat(PiiRedactor.passesLuhn(epochMillis)).as("this one passes Luhn by chance").isTrue();

    assertThat(PiiRedactor.redact("created_at=" + epochMillis))
        .isEqualTo("created_at=" + epochMillis);
  }

  @Test
  void redactingTwiceChangesNothingMore() {
    String once = PiiRedactor.redact("jane@example.com paid with 4242 4242 4242 4242");

    assertThat(PiiRedactor.redact(once)).isEqualTo(once)
        .isEqualTo("***@example.com paid with **** **** **** 4242");
  }
}
