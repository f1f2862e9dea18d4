package dev.fieldguide.orders.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import dev.fieldguide.orders.security.DevTokenIssuer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client aimed at the service under test: requests go over a real socket, exactly
 * as a client's would, and bodies come back raw for exact assertions.
 *
 * <p>It authenticates as an admin by default (a dev-issuer token), so tests about other topics
 * reach every endpoint; {@link #as} and {@link #anonymous} give the security tests other callers.
 * An {@code Authorization} header passed to a request replaces the default.
 */
@TestComponent
public class Api {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .build();
  private final Supplier<URI> base;
  private final JsonMapper json;
  private final Supplier<@Nullable String> token;

  @Autowired
  Api(Environment environment, JsonMapper json, ObjectProvider<DevTokenIssuer> issuer) {
    // The port is known only once the server has started, so it is read on each request.
    this(() -> URI.create("http://127.0.0.1:"
        + environment.getRequiredProperty("local.server.port")), json, adminToken(issuer));
  }

  private Api(Supplier<URI> base, JsonMapper json, Supplier<@Nullable String> token) {
    this.base = base;
    this.json = json;
    this.token = token;
  }

  /** The same client aimed at another instance, e.g. {@link SecondInstance#base()}. */
  public Api at(URI otherBase) {
    return new Api(() -> otherBase, json, token);
  }

  /** The same client sending {@code bearerToken} instead. */
  public Api as(String bearerToken) {
    return new Api(base, json, () -> bearerToken);
  }

  /** The same client sending no token at all. */
  public Api anonymous() {
    return new Api(base, json, () -> null);
  }

  /** A fresh admin token per request where the dev issuer runs (not under the prod profile). */
  private static Supplier<@Nullable String> adminToken(ObjectProvider<DevTokenIssuer> issuer) {
    return () -> {
      DevTokenIssuer tokens = issuer.getIfAvailable();
      return tokens == null ? null : tokens.admin("test-admin");
    };
  }

  public Response get(String path) {
    return send(request(path).GET(), Map.of());
  }

  public Response get(String path, Map<String, String> headers) {
    return send(request(path).GET(), headers);
  }

  public Response post(String path, String body, Map<String, String> headers) {
    return send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)), headers);
  }

  public Response post(String path, String contentType, String body) {
    return send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)),
        Map.of("Content-Type", contentType));
  }

  /** {@code POST /api/v1/orders} for one unit of {@code productId}; see the method below. */
  public Response placeOrder(long customerId, long productId) {
    return placeOrder(customerId, productId, 1, Map.of());
  }

  /**
   * {@code POST /api/v1/orders} as a client places an order: a one-line JSON body, a fresh
   * {@code Idempotency-Key}, and {@code headers} besides (a {@code traceparent}, say).
   */
  public Response placeOrder(long customerId, long productId, int quantity,
      Map<String, String> headers) {
    Map<String, String> all = new HashMap<>(headers);
    all.put("Content-Type", "application/json");
    all.put("Idempotency-Key", UUID.randomUUID().toString());
    return post("/api/v1/orders", """
        {"customerId": %d, "lines": [{"productId": %d, "quantity": %d}]}"""
        .formatted(customerId, productId, quantity), all);
  }

  public Response send(String method, String path, HttpRequest.BodyPublisher body,
      Map<String, String> headers) {
    return send(request(path).method(method, body), headers);
  }

  public URI base() {
    return base.get();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base().resolve(path)).timeout(Duration.ofSeconds(30));
  }

  private Response send(HttpRequest.Builder builder, Map<String, String> headers) {
    String bearer = token.get();
    if (bearer != null
        && headers.keySet().stream().noneMatch(name -> name.equalsIgnoreCase("Authorization"))) {
      builder.header("Authorization", "Bearer " + bearer);
    }
    headers.forEach(builder::header);
    try {
      return new Response(http.send(builder.build(), HttpResponse.BodyHandlers.ofString()), json);
    } catch (IOException e) {
      throw new IllegalStateException("request failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** A response with its body parsed on demand. */
  public record Response(HttpResponse<String> raw, JsonMapper json) {

    public int status() {
      return raw.statusCode();
    }

    public String body() {
      return raw.body();
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse("");
    }

    public JsonNode jsonBody() {
      return json.readTree(raw.body());
    }
  }
}
