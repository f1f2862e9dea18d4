package dev.fieldguide.orders.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 in one call, for what is kept or compared only as a digest: API keys and session ids
 * (so a stored row or a Redis key never holds the secret), callers' identities, fingerprints.
 */
public final class Sha256 {

  private Sha256() {}

  /** The digest of {@code parts}, one after the other. */
  public static byte[] of(byte[]... parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (byte[] part : parts) {
        sha.update(part);
      }
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** The digest of {@code text}'s UTF-8 bytes, as 64 lower-case hex digits. */
  public static String hex(String text) {
    return HexFormat.of().formatHex(of(text.getBytes(StandardCharsets.UTF_8)));
  }
}
