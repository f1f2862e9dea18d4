package dev.fieldguide.orders.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The client's IP address, as a parsed literal or not at all. Behind a trusted proxy Tomcat takes
 * it from {@code X-Forwarded-For} (RemoteIpValve) without checking that it is an address, so
 * whatever the header says would otherwise be logged, audited and used as a key.
 */
public final class ClientAddress {

  /** Dotted-quad only: {@link InetAddress#ofLiteral} also takes the BSD forms such as {@code 1.2.3}. */
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

  private ClientAddress() {}

  /** The request's remote address in canonical form, if it is an IP literal. */
  public static Optional<String> of(HttpServletRequest request) {
    return parse(request.getRemoteAddr());
  }

  static Optional<String> parse(String candidate) {
    boolean shaped = candidate.contains(":")
        ? IPV6.matcher(candidate).matches()
        : IPV4.matcher(candidate).matches();
    if (!shaped) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.ofLiteral(candidate).getHostAddress());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
