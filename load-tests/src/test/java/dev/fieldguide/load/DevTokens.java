package dev.fieldguide.load;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tokens for simulations, taken the documented local way: {@code POST /dev/tokens} on the service
 * under test (what {@code ./token} does). Fetched before the load starts, never during it.
 */
final class DevTokens {

  private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\":\"([^\"]+)\"");
  /** One token per caller and run: simulations that feed the same callers twice fetch once. */
  private static final Map<String, String> ISSUED = new ConcurrentHashMap<>();

  private DevTokens() {}

  static String customer(String baseUrl, long customerId) {
    return issue(baseUrl, "{\"role\": \"customer\", \"customerId\": " + customerId + "}");
  }

  /** An admin token; each subject is a caller of its own (its own rate-limit bucket). */
  static String admin(String baseUrl, String subject) {
    return issue(baseUrl, "{\"role\": \"admin\", \"subject\": \"" + subject + "\"}");
  }

  private static String issue(String baseUrl, String body) {
    return ISSUED.computeIfAbsent(baseUrl + " " + body, key -> fetch(baseUrl, body));
  }

  private static String fetch(String baseUrl, String body) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/dev/tokens"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    HttpResponse<String> response = ServiceApi.send(request);
    Matcher token = ACCESS_TOKEN.matcher(response.body());
    if (response.statusCode() != 200 || !token.find()) {
      throw new IllegalStateException("No dev token from " + baseUrl + " (HTTP "
          + response.statusCode() + "); is the service running without the prod profile?");
    }
    return token.group(1);
  }
}
