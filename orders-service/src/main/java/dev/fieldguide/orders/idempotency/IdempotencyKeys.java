package dev.fieldguide.orders.idempotency;

import dev.fieldguide.orders.security.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The filter's two pure rules, apart so they can be read and tested alone: which header values
 * are keys, and when two requests are the same request.
 */
final class IdempotencyKeys {

  // The draft defines the key as a structured-field string; printable ASCII, no quotes inside.
  static final Pattern KEY = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,255}");

  private IdempotencyKeys() {}

  /** The key, without the structured-field quotes if the client sent them; null if malformed. */
  static @Nullable String parse(String header) {
    String key = header.length() >= 2 && header.startsWith("\"") && header.endsWith("\"")
        ? header.substring(1, header.length() - 1)
        : header;
    return KEY.matcher(key).matches() ? key : null;
  }

  /** Method, decoded path and body: every spelling of one request has one fingerprint. */
  static String fingerprint(String method, String path, byte[] body) {
    return HexFormat.of().formatHex(
        Sha256.of((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8), body));
  }
}
