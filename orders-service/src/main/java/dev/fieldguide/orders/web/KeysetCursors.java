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
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encodes keyset positions as opaque, versioned, signed cursors.
 *
 * <p>A cursor names the list it belongs to (scope) and the filters it was made under, and is
 * signed with HMAC-SHA256, so a tampered cursor, a cursor from another list, or one reused with
 * other filters is refused with a 400 instead of silently returning the wrong page. Clients must
 * treat cursors as opaque; the format may change with the version prefix.
 */
@Component
public class KeysetCursors {

  private static final String VERSION = "1";
  private static final int SIGNATURE_BYTES = 12;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SecretKeySpec key;

  KeysetCursors(@Value("${fieldguide.cursor.secret}") String secret) {
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  /** The cursor for the page after the row whose sort keys are {@code keys}. */
  public String encode(String scope, String filters, List<String> keys) {
    String payload = String.join("\n", VERSION, scope, filters, String.join("\n", keys));
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(sign(bytes));
  }

  /** The sort keys inside {@code cursor}, if it is genuine and was made for this list. */
  public List<String> decode(String cursor, String scope, String filters, int keyCount) {
    try {
      String[] parts = cursor.split("\\.", -1);
      if (parts.length != 2) {
        throw invalid();
      }
      byte[] payload = DECODER.decode(parts[0]);
      if (!MessageDigest.isEqual(sign(payload), DECODER.decode(parts[1]))) {
        throw invalid();
      }
      List<String> fields = List.of(new String(payload, StandardCharsets.UTF_8).split("\n", -1));
      if (fields.size() != 3 + keyCount || !fields.get(0).equals(VERSION)
          || !fields.get(1).equals(scope) || !fields.get(2).equals(filters)) {
        throw invalid();
      }
      return fields.subList(3, fields.size());
    } catch (IllegalArgumentException e) { // not base64
      throw invalid();
    }
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
}
