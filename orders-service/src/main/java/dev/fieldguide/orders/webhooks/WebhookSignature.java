package dev.fieldguide.orders.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook as Standard Webhooks 1.0 specifies, so a subscriber can verify it with any of
 * that spec's libraries: HMAC-SHA256 over {@code <webhook-id>.<webhook-timestamp>.<body>} with the
 * endpoint's key, sent as {@code webhook-signature: v1,<base64>}. Signing the id and timestamp too
 * means a captured request cannot be replayed later (the receiver checks the timestamp's age) or
 * under another id.
 */
final class WebhookSignature {

  private static final String SECRET_PREFIX = "whsec_";
  /** The spec's floor for a symmetric secret: 24 bytes (192 bits). */
  private static final int MIN_KEY_BYTES = 24;

  private final SecretKeySpec key;

  WebhookSignature(String secret) {
    this.key = new SecretKeySpec(key(secret), "HmacSHA256");
  }

  /** The header value for this attempt: {@code v1,} and the base64 of the MAC. */
  String sign(String id, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256"); // not thread-safe: one per signature
      mac.init(key);
      mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** The HMAC key a {@code whsec_<base64>} secret stands for; refuses anything else. */
  static byte[] key(String secret) {
    if (!secret.startsWith(SECRET_PREFIX)) {
      throw new IllegalArgumentException("a webhook secret starts with " + SECRET_PREFIX);
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
    } catch (IllegalArgumentException notBase64) {
      // Not chained: the decoder's message quotes a character of the secret.
      throw new IllegalArgumentException(
          "a webhook secret is " + SECRET_PREFIX + " followed by base64");
    }
    if (key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException(
          "a webhook secret holds at least " + MIN_KEY_BYTES + " random bytes");
    }
    return key;
  }
}
