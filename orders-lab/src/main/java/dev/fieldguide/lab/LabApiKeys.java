package dev.fieldguide.lab;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The labs' API keys, issued and revoked through {@code /admin/api-keys} as an operator would:
 * the limiter counts only registered keys, so a lab that wants a client of its own registers one
 * for the run and revokes it afterwards.
 */
@Component
class LabApiKeys {

  private static final String PATH = "/admin/api-keys";

  private final LabAuthorizedHttp http;
  private final JsonMapper json;

  LabApiKeys(LabAuthorizedHttp http, JsonMapper json) {
    this.http = http;
    this.json = json;
  }

  /** A new key for {@code owner}, under {@code policy} (null: each request's path's policy). */
  Issued issue(URI base, String owner, @Nullable String policy) {
    String body = json.writeValueAsString(policy == null
        ? Map.of("owner", owner)
        : Map.of("owner", owner, "policy", policy));
    var response = http.send(HttpRequest.newBuilder(base.resolve(PATH))
        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
    if (response.statusCode() != 201) {
      throw new IllegalStateException("Could not issue an API key: " + response.body());
    }
    JsonNode issued = json.readTree(response.body());
    return new Issued(base, issued.path("id").asLong(), issued.path("key").asString());
  }

  /** An issued key; closing it revokes it. */
  final class Issued implements AutoCloseable {

    private final URI base;
    private final long id;
    private final String key;

    private Issued(URI base, long id, String key) {
      this.base = base;
      this.id = id;
      this.key = key;
    }

    String key() {
      return key;
    }

    @Override
    public void close() {
      http.send(HttpRequest.newBuilder(base.resolve(PATH + "/" + id))
          .timeout(Duration.ofSeconds(30)).DELETE());
    }
  }
}
