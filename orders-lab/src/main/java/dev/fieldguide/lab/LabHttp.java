package dev.fieldguide.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The labs' HTTP client: they call the service over loopback exactly as an outside client. */
final class LabHttp {

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  private LabHttp() {}

  static HttpResponse<String> get(URI base, String path, Map<String, String> headers) {
    var request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    headers.forEach(request::header);
    return send(request.GET().build());
  }

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
