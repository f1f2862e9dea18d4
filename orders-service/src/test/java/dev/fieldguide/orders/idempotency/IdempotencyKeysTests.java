package dev.fieldguide.orders.idempotency;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which {@code Idempotency-Key} values are keys (a structured-field string: 1-255 printable ASCII
 * characters, no quote or backslash inside, optionally quoted), and which requests are the same.
 */
class IdempotencyKeysTests {

  private static final byte[] BODY = "{\"customerId\":1}".getBytes(UTF_8);

  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource(delimiter = '|', nullValues = "none", quoteCharacter = '`', value = {
      "order-2026-05-01-0001 | order-2026-05-01-0001",
      "\"quoted-key\"         | quoted-key",
      "!                     | !",
      "~tilde~               | ~tilde~",
      "``                    | none",
      "\"\"                  | none",
      "with space            | none",
      "in\"side              | none",
      "back\\slash           | none",
      "\"unbalanced          | none",
      "tab\there             | none",
      "ключ                  | none"})
  void aKeyIsPrintableAsciiOptionallyQuoted(String header, @Nullable String key) {
    assertThat(IdempotencyKeys.parse(header)).isEqualTo(key);
  }

  @Test
  void aKeyIsAtMost255Characters() {
    assertThat(IdempotencyKeys.parse("k".repeat(255))).hasSize(255);
    assertThat(IdempotencyKeys.parse("\"" + "k".repeat(255) + "\"")).hasSize(255);
    assertThat(IdempotencyKeys.parse("k".repeat(256))).isNull();
  }

  @Test
  void theSameRequestHasOneFingerprint() {
    String fingerprint = IdempotencyKeys.fingerprint("POST", "/api/v1/orders", BODY);

    assertThat(fingerprint).matches("[0-9a-f]{64}")
        .isEqualTo(IdempotencyKeys.fingerprint("POST", "/api/v1/orders", BODY.clone()));
  }

  @Test
  void anotherMethodPathOrBodyIsAnotherRequest() {
    String fingerprint = IdempotencyKeys.fingerprint("POST", "/api/v1/orders", BODY);

    assertThat(IdempotencyKeys.fingerprint("PUT", "/api/v1/orders", BODY))
        .isNotEqualTo(fingerprint);
    assertThat(IdempotencyKeys.fingerprint("POST", "/api/v2/orders", BODY))
        .isNotEqualTo(fingerprint);
    assertThat(IdempotencyKeys.fingerprint("POST", "/api/v1/orders",
        "{\"customerId\":2}".getBytes(UTF_8))).isNotEqualTo(fingerprint);
  }

  @Test
  void thePathCannotRunIntoTheBody() {
    // Without the line break between them, path "/a" + body "b" and path "/ab" + empty body
    // would hash the same bytes.
    assertThat(IdempotencyKeys.fingerprint("POST", "/a", "b".getBytes(UTF_8)))
        .isNotEqualTo(IdempotencyKeys.fingerprint("POST", "/ab", new byte[0]));
  }
}
