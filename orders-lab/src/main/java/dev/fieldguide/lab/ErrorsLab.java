package dev.fieldguide.lab;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A5 lab: sends each kind of bad input and checks the answer is the matching 4xx (or a clean
 * 500) as problem+json with {@code code} and {@code traceId}, and that nothing internal leaks.
 */
@Component
class ErrorsLab implements Lab {

  private final JsonMapper json;
  private final LabAuthorizedHttp http;

  ErrorsLab(JsonMapper json, LabAuthorizedHttp http) {
    this.json = json;
    this.http = http;
  }

  @Override
  public String name() {
    return "errors";
  }

  @Override
  public String claim() {
    return "every bad input gets a problem+json answer with code and traceId, never an internal";
  }

  @Override
  public void run(URI base, Phases phases) {
    BadRequests.ALL.forEach(bad -> phases.add(phase(base, bad)));
  }

  private LabReport.Phase phase(URI base, BadRequest bad) {
    Map<String, Object> measured = new LinkedHashMap<>();
    boolean passed;
    try {
      HttpResponse<String> response = http.send(bad.toRequest(base));
      String contentType = response.headers().firstValue("Content-Type").orElse("");
      JsonNode body = contentType.startsWith("application/problem+json")
          ? json.readTree(response.body())
          : json.createObjectNode();
      measured.put("status", response.statusCode());
      measured.put("contentType", contentType);
      measured.put("code", body.path("code").asString(""));
      measured.put("traceId", body.path("traceId").asString(""));
      passed = response.statusCode() == bad.status()
          && contentType.startsWith("application/problem+json")
          && bad.code().equals(body.path("code").asString(""))
          && body.path("status").asInt() == bad.status()
          && !body.path("traceId").asString("").isEmpty()
          && response.headers().firstValue("X-Request-ID").isPresent()
          && BadRequests.leaksNothing(response.body());
    } catch (Exception e) {
      measured.put("error", e.getClass().getSimpleName());
      passed = false;
    }
    return new LabReport.Phase(bad.name(), measured,
        "%d problem+json, code %s, traceId set, no internals".formatted(bad.status(), bad.code()),
        passed);
  }

  private static HttpRequest.Builder request(URI base, String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
  }

  /** One bad input and the answer the contract promises for it. */
  record BadRequest(String name, String method, String path, String contentType, String body,
      int status, String code) {

    HttpRequest.Builder toRequest(URI base) {
      HttpRequest.BodyPublisher publisher = body.isEmpty()
          ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(body);
      HttpRequest.Builder builder = request(base, path).method(method, publisher)
          .header("Accept", "application/json");
      if (!contentType.isEmpty()) {
        builder.header("Content-Type", contentType);
      }
      return builder;
    }
  }
}
