package dev.fieldguide.load;

import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.util.StringJoiner;

/**
 * The service's meters through its API ({@code GET /actuator/metrics/<name>?tag=k:v}, admin
 * only): where the invariants that the responses cannot show (cache loads, events published, job
 * runs, refusals) are read, before the load by {@link ServiceApi} and after it by Gatling.
 */
final class Meters {

  static final String ADMIN_TOKEN = DevTokens.admin(Traffic.BASE_URL, "load-meters");

  private Meters() {}

  /** {@code tags} alternate names and values: {@code "cache", "products"}. */
  static String path(String name, String... tags) {
    StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
    for (int i = 0; i < tags.length; i += 2) {
      query.add("tag=" + tags[i] + ":" + tags[i + 1]);
    }
    return "/actuator/metrics/" + name + query;
  }

  /** A Gatling read of a meter; a meter never used yet answers 404, which reads as 0. */
  static HttpRequestActionBuilder read(String requestName, String name, String... tags) {
    return http(requestName).get(path(name, tags))
        .header("Authorization", "Bearer " + ADMIN_TOKEN).check(status().in(200, 404));
  }

  /** The meter's first measurement: a counter's count, a gauge's value (0 when absent). */
  static CheckBuilder.Validate<Double> value() {
    return jsonPath("$.measurements[0].value").ofDouble().withDefault(0.0);
  }
}
