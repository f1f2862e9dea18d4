package dev.fieldguide.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain reads of the service outside Gatling's load, for a simulation's {@code before()}: the
 * state an invariant is compared against afterwards (a meter's value, the orders that already
 * exist), taken with an admin token of its own.
 */
final class ServiceApi {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Pattern VALUE = Pattern.compile("\"value\":(-?[0-9.Ee+-]+)");
  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

  private ServiceApi() {}

  /** A meter's first measurement (a counter's count, a gauge's value); 0 if it does not exist yet. */
  static double meter(String name, String... tags) {
    HttpResponse<String> response = get(Meters.path(name, tags));
    if (response.statusCode() == 404) {
      return 0; // registered on first use: nothing counted yet
    }
    Matcher value = VALUE.matcher(ok(response).body());
    if (!value.find()) {
      throw new IllegalStateException("No measurement in " + response.body());
    }
    return Double.parseDouble(value.group(1));
  }

  /** Every {@code "id"} in the body of a GET, in order: the ids of a page, say. */
  static List<Long> ids(String path) {
    return ID.matcher(ok(get(path)).body()).results().map(m -> Long.parseLong(m.group(1)))
        .toList();
  }

  /** The body of a GET that must succeed. */
  static String body(String path) {
    return ok(get(path)).body();
  }

  private static HttpResponse<String> ok(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException(response.request().uri() + " answered "
          + response.statusCode() + ": " + response.body());
    }
    return response;
  }

  private static HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(Traffic.BASE_URL + path))
        .header("Authorization", "Bearer " + Meters.ADMIN_TOKEN).GET().build());
  }

  /** Sends {@code request} outside Gatling, waiting for its answer; the one client for that. */
  static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
