package dev.fieldguide.orders.web;

import org.jspecify.annotations.Nullable;

/**
 * Issue 18: what no text the service takes in may hold, wherever it arrives (the query string,
 * a JSON string or member name). PostgreSQL refuses NUL in {@code text} and {@code jsonb}, so a NUL
 * that got this far would be a 500; a lone UTF-16 surrogate cannot be stored as UTF-8 at all and
 * would be silently replaced. Both are refused at the edge instead, each with its own code.
 */
enum TextRule {

  /** U+0000 anywhere. */
  NUL_CHARACTER("contains a NUL character"),
  /** Bytes that are not UTF-8, a broken percent-escape, or half of a surrogate pair. */
  INVALID_ENCODING("is not valid UTF-8 text");

  private final String breach;

  TextRule(String breach) {
    this.breach = breach;
  }

  /** How a refusal says it, after the name of what broke the rule: "contains a NUL character". */
  String breach() {
    return breach;
  }

  /** The rule {@code text} breaks, if any. */
  static @Nullable TextRule brokenBy(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\0') {
        return NUL_CHARACTER;
      }
      if (Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++; // a whole pair: one supplementary character
      } else if (Character.isSurrogate(c)) {
        return INVALID_ENCODING;
      }
    }
    return null;
  }
}
