package dev.fieldguide.orders.support;

import java.util.List;

/** The {@code Set-Cookie} headers of a response, and the CSRF token a cookie-session read hands out. */
public final class SetCookies {

  /** The header a cookie-session write echoes the {@code XSRF-TOKEN} cookie's value in. */
  public static final String CSRF_HEADER = "X-XSRF-TOKEN";

  private SetCookies() {}

  /** Every {@code Set-Cookie} of {@code response} whose cookie name and {@code =} start it. */
  public static List<String> named(Api.Response response, String prefix) {
    return response.raw().headers().allValues("Set-Cookie").stream()
        .filter(cookie -> cookie.startsWith(prefix)).toList();
  }

  /** The value of the {@code XSRF-TOKEN} cookie {@code read} set. */
  public static String csrfToken(Api.Response read) {
    String cookie = named(read, "XSRF-TOKEN=").getFirst();
    return cookie.substring("XSRF-TOKEN=".length(), cookie.indexOf(';'));
  }
}
