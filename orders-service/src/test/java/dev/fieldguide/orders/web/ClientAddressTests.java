package dev.fieldguide.orders.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Only an IP literal counts as a client address, in its canonical form; nothing is looked up. */
class ClientAddressTests {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(nullValues = "none", value = {
      "127.0.0.1, 127.0.0.1",
      "203.0.113.9, 203.0.113.9",
      "::1, 0:0:0:0:0:0:0:1",
      "2001:DB8::1, 2001:db8:0:0:0:0:0:1",
      "1.2.3, none",
      "01.2.3.4.5, none",
      "256.0.0.1, none",
      "0x7f.0.0.1, none",
      "localhost, none",
      "'1.2.3.4, 5.6.7.8', none",
      "<script>, none",
      "'', none"})
  void onlyAnIpLiteralIsAnAddress(String candidate, @Nullable String address) {
    assertThat(ClientAddress.parse(candidate).orElse(null)).isEqualTo(address);
  }
}
