package dev.fieldguide.orders.web;

import dev.fieldguide.orders.errors.DomainException;
import dev.fieldguide.orders.errors.DomainException.Kind;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Encodes keyset positions as opaque, versioned, signed cursors.
 *
 * <p>A cursor names the list it belongs to (scope) and the filters it was made under, and is
 * signed with HMAC-SHA256, so a tampered cursor, a cursor from another list, or one reused with
 * other filters is refused with a 400 instead of silently returning the wrong page. Clients must
 * treat cursors as opaque; the format may change with the version.
 *
 * <p>Version 2 writes the payload as JSON: each filter is a member with its own escaped value,
 * so no value can pose as two filters ({@code attr.color=green, size=S} against
 * {@code attr.color=green&attr.size=S}), and text holding a newline (version 1's separator) round
 * trips. A version 1 cursor is refused; its client starts the list again.
 */
@Component
public class KeysetCursors {

  private static final int VERSION = 2;
  private static final int SIGNATURE_BYTES = 12;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SecretKeySpec key;
  private final JsonMapper json;

  KeysetCursors(@Value("${fieldguide.cursor.secret}") String secret, JsonMapper json) {
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.json = json;
  }

  /** The cursor for the page after the row whose sort keys are {@code keys}. */
  public String encode(String scope, SortedMap<String, String> filters, List<String> keys) {
    byte[] payload = json.writeValueAsBytes(new Payload(VERSION, scope, filters, keys));
    return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(sign(payload));
  }

  /** The sort keys inside {@code cursor}, if it is genuine and was made for this list. */
  public List<String> decode(String cursor, String scope, SortedMap<String, String> filters,
      int keyCount) {
    try {
      String[] parts = cursor.split("\\.", -1);
      if (parts.length != 2) {
        throw invalid();
      }
      byte[] bytes = DECODER.decode(parts[0]);
      if (!MessageDigest.isEqual(sign(bytes), DECODER.decode(parts[1]))) {
        throw invalid();
      }
      Payload payload = json.readValue(bytes, Payload.class);
      List<String> keys = payload.keys();
      if (payload.version() != VERSION || !scope.equals(payload.scope())
          || !filters.equals(payload.filters()) || keys == null || keys.size() != keyCount) {
        throw invalid();
      }
      return keys;
    } catch (IllegalArgumentException | JacksonException e) { // not base64, not our JSON
      throw invalid();
    }
  }

  /**
   * A key of a genuine cursor read as a number between {@code min} and {@code max}: the
   * signature proves who wrote it, not that it is a position the list can have.
   */
  public static long key(String key, long min, long max) {
    try {
      long value = AsciiDecimalNumbers.parseLong(key);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below, as out of range
    }
    throw invalid();
  }

  private byte[] sign(byte[] payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return Arrays.copyOf(mac.doFinal(payload), SIGNATURE_BYTES);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** A cursor that is not genuine or not for this request; also used for unparsable keys. */
  public static DomainException invalid() {
    return new DomainException(Kind.INVALID, "INVALID_CURSOR",
        "The cursor is not valid for this list and filters; start again without a cursor.");
  }

  /** What a cursor holds; every member may be missing from a forged or older one. */
  private record Payload(int version, @Nullable String scope,
      @Nullable Map<String, String> filters, @Nullable List<String> keys) {}
}
