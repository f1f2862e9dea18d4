package dev.fieldguide.orders.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldguide.orders.errors.DomainException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A cursor comes back only to the list and filters it was made for, unchanged, in the current
 * version; its keys are then checked as positions, since a signature proves only who wrote them.
 */
class KeysetCursorsTests {

  private static final String SECRET = "unit-test-cursor-secret";
  private static final String SCOPE = "orders";
  private static final List<String> KEYS = List.of("1777629600000000", "42");
  private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

  private final KeysetCursors cursors = new KeysetCursors(SECRET, JsonMapper.shared());

  @Test
  void aCursorDecodesToTheKeysItWasMadeWith() {
    String cursor = cursors.encode(SCOPE, filters("status", "PAID"), KEYS);

    assertThat(cursors.decode(cursor, SCOPE, filters("status", "PAID"), 2)).isEqualTo(KEYS);
  }

  @Test
  void aFilterValueWithTheOldSeparatorInItRoundTrips() {
    SortedMap<String, String> filters = filters("q", "line one\nline two");

    String cursor = cursors.encode(SCOPE, filters, List.of("7"));

    assertThat(cursors.decode(cursor, SCOPE, filters, 1)).containsExactly("7");
  }

  @Test
  void theCursorIsOpaqueTextSafeInAUrl() {
    String cursor = cursors.encode(SCOPE, filters("q", "a/b+c=d"), KEYS);

    assertThat(cursor).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{16}")
        .doesNotContain("a/b+c=d");
  }

  @Test
  void aCursorIsBoundToItsFilters() {
    String cursor = cursors.encode(SCOPE, filters("status", "PAID"), KEYS);

    assertInvalid(() -> cursors.decode(cursor, SCOPE, filters("status", "NEW"), 2));
    assertInvalid(() -> cursors.decode(cursor, SCOPE, new TreeMap<>(), 2));
    assertInvalid(() -> cursors.decode(cursor, SCOPE,
        filters("status", "PAID", "customerId", "7"), 2));
  }

  @Test
  void noFilterValueCanPoseAsTwoFilters() {
    String oneFilter = cursors.encode("products", filters("attr.color", "green, size=S"),
        List.of("5"));

    assertInvalid(() -> cursors.decode(oneFilter, "products",
        filters("attr.color", "green", "attr.size", "S"), 1));
  }

  @Test
  void aCursorIsBoundToItsListAndKeyCount() {
    String cursor = cursors.encode(SCOPE, new TreeMap<>(), KEYS);

    assertInvalid(() -> cursors.decode(cursor, "products", new TreeMap<>(), 2));
    assertInvalid(() -> cursors.decode(cursor, SCOPE, new TreeMap<>(), 1));
  }

  @Test
  void aTamperedPayloadOrSignatureIsRefused() {
    String cursor = cursors.encode(SCOPE, new TreeMap<>(), KEYS);
    String payload = cursor.substring(0, cursor.indexOf('.'));
    String signature = cursor.substring(cursor.indexOf('.') + 1);
    String forgedPayload = BASE64.encodeToString(payloadJson(2, List.of("1777629600000000", "41"))
        .getBytes(StandardCharsets.UTF_8));

    assertInvalid(() -> cursors.decode(forgedPayload + "." + signature, SCOPE, new TreeMap<>(),
        2));
    assertInvalid(() -> cursors.decode(payload + "." + flipFirst(signature), SCOPE,
        new TreeMap<>(), 2));
    assertInvalid(() -> new KeysetCursors("another-secret", JsonMapper.shared()).decode(cursor,
        SCOPE, new TreeMap<>(), 2));
  }

  @Test
  void aGenuinelySignedVersionOneCursorIsRefused() {
    String versionOne = signed(payloadJson(1, KEYS));
    String versionOneText = signed("1\n" + SCOPE + "\n\n" + String.join("\n", KEYS));

    assertThat(cursors.decode(signed(payloadJson(2, KEYS)), SCOPE, new TreeMap<>(), 2))
        .as("the same payload in version 2 is accepted").isEqualTo(KEYS);
    assertInvalid(() -> cursors.decode(versionOne, SCOPE, new TreeMap<>(), 2));
    assertInvalid(() -> cursors.decode(versionOneText, SCOPE, new TreeMap<>(), 2));
  }

  @Test
  void aSignedPayloadWithoutKeysIsRefused() {
    assertInvalid(
        () -> cursors.decode(signed("{\"version\":2,\"scope\":\"orders\",\"filters\":{}}"),
            SCOPE, new TreeMap<>(), 2));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".", "abc", "a.b.c", "not base64!.AAAA", "e30.AAAAAAAAAAAAAAAA"})
  void textThatIsNoCursorIsRefused(String text) {
    assertInvalid(() -> cursors.decode(text, SCOPE, new TreeMap<>(), 2));
  }

  @Test
  void aKeyInsideItsRangeIsThePosition() {
    assertThat(KeysetCursors.key("1", 1, 10)).isEqualTo(1);
    assertThat(KeysetCursors.key("10", 1, 10)).isEqualTo(10);
    assertThat(KeysetCursors.key("-3", -5, 0)).isEqualTo(-3);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "11", "-1", "99999999999999999999", "+5", " 5", "0x5", "٥", ""})
  void aKeyOutsideItsRangeOrNotDecimalIsAnInvalidCursor(String key) {
    assertInvalid(() -> KeysetCursors.key(key, 1, 10));
  }

  private static void assertInvalid(ThrowingCallable decoding) {
    assertThatThrownBy(decoding).isInstanceOfSatisfying(DomainException.class, refused -> {
      assertThat(refused.kind()).isEqualTo(DomainException.Kind.INVALID);
      assertThat(refused.code()).isEqualTo("INVALID_CURSOR");
    });
  }

  private static SortedMap<String, String> filters(String... namesAndValues) {
    SortedMap<String, String> filters = new TreeMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      filters.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return filters;
  }

  private static String payloadJson(int version, List<String> keys) {
    return JsonMapper.shared().writeValueAsString(new TreeMap<>(Map.of("version",
        version, "scope", SCOPE, "filters", new TreeMap<>(), "keys", keys)));
  }

  /**
   * {@code payload} signed as the service signs it (HMAC-SHA256 with its secret, the first 12
   * bytes): a cursor whose signature is genuine, whatever it says.
   */
  private static String signed(String payload) {
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return BASE64.encodeToString(bytes) + "."
          + BASE64.encodeToString(Arrays.copyOf(mac.doFinal(bytes), 12));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String flipFirst(String base64) {
    return (base64.charAt(0) == 'A' ? "B" : "A") + base64.substring(1);
  }
}
