package dev.fieldguide.lab;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The labs' calls to endpoints that need a token (orders, jobs, admin), made as any local client
 * makes them: with a dev-issuer token, here an admin's. Public endpoints go through
 * {@link LabHttp} without one, so limits keyed by API key or address behave as for outsiders.
 * Labs therefore need the dev token issuer, which the lab-enabled application always has.
 */
@Component
class LabAuthorizedHttp {

  private final LabTokens tokens;

  LabAuthorizedHttp(LabTokens tokens) {
    this.tokens = tokens;
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    return LabHttp.send(request.header("Authorization", "Bearer " + tokens.admin()).build());
  }

  HttpResponse<String> get(URI base, String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET());
  }
}
