package dev.fieldguide.core.performance;

import java.util.List;

/**
 * Joining many strings: {@code +=} in a loop copies everything built so far on every step, so it
 * copies O(n²) characters; a builder or {@code String.join} copies each character about once.
 */
final class Concatenation {

  private Concatenation() {}

  /** Naive variant: every {@code +=} allocates a new string holding all the previous text. */
  static String joinNaive(List<String> parts, String separator) {
    String joined = "";
    for (int i = 0; i < parts.size(); i++) {
      joined += i == 0 ? parts.get(i) : separator + parts.get(i);
    }
    return joined;
  }

  /** For a loop that has logic of its own: one buffer, grown by doubling. */
  static String joinWithBuilder(List<String> parts, String separator) {
    var joined = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      if (i > 0) {
        joined.append(separator);
      }
      joined.append(parts.get(i));
    }
    return joined.toString();
  }

  /** When the parts are already at hand, like Python's {@code ", ".join(parts)}. */
  static String join(List<String> parts, String separator) {
    return String.join(separator, parts);
  }
}
