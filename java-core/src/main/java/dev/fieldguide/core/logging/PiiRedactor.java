package dev.fieldguide.core.logging;

import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks e-mail addresses and payment card numbers in free text, so a log line stays useful for
 * debugging without carrying the personal data that made it worth reading.
 *
 * <p>Pure Java with no logging dependency: the JSON encoder here and any other log pipeline (the
 * Spring Boot service's structured logging) call the same {@link #redact}.
 *
 * <ul>
 *   <li>E-mail: the local part goes, the domain stays — {@code jane.doe@example.com} becomes
 *       {@code ***@example.com}. The domain tells which provider or tenant a problem is about; the
 *       local part is what names the person, and keeping even its first letter narrows who it is.
 *   <li>Card number: 13–19 digits, optionally grouped by single spaces or dashes, starting with 2–6
 *       (the major networks' ranges) and passing the Luhn check, becomes {@code **** **** ****
 *       4242}. Luhn alone would still take one random digit run in ten, so order ids and 13-digit
 *       epoch-millisecond timestamps (which start with 1) are left alone, and so is a digit run
 *       that touches a letter (part of a hex id such as a trace id).
 * </ul>
 *
 * <p>This is a safety net for what slips into a message, not a licence to log personal data.
 */
public final class PiiRedactor {

  private static final Pattern EMAIL = Pattern
      .compile("[A-Za-z0-9._%+-]+@((?:[A-Za-z0-9-]+\\.)+[A-Za-z]{2,})");

  /**
   * Not preceded or followed by a letter or digit, so it never bites a piece out of a longer
   * number or out of an identifier: a trace id, span id or hash is hex, and one that happens to
   * begin or end with 13 or more digits is still an id, not a card (a log line's {@code trace_id}
   * came out as {@code **** **** **** 2241f2b5...} before).
   */
  private static final Pattern CARD_CANDIDATE = Pattern
      .compile("(?<![A-Za-z0-9])[2-6](?:[ -]?\\d){12,18}(?![A-Za-z0-9])");

  private PiiRedactor() {}

  /** The text with every e-mail address and Luhn-valid card number masked; the same text if none. */
  public static String redact(String text) {
    String withoutEmails = EMAIL.matcher(text).replaceAll("***@$1");
    return CARD_CANDIDATE.matcher(withoutEmails).replaceAll(PiiRedactor::maskIfCard);
  }

  private static String maskIfCard(MatchResult candidate) {
    String digits = candidate.group().replaceAll("[ -]", "");
    String replacement = passesLuhn(digits)
        ? "**** **** **** " + digits.substring(digits.length() - 4)
        : candidate.group();
    return Matcher.quoteReplacement(replacement);
  }

  /** The check digit every card number carries; a random digit run passes one time in ten. */
  static boolean passesLuhn(String digits) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int digit = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
    }
    return sum % 10 == 0;
  }
}
