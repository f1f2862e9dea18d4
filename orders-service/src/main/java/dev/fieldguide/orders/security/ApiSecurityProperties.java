package dev.fieldguide.orders.security;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code fieldguide.security.*}: who may issue tokens for this API, which hosts and origins it
 * answers, and the dev-only token issuer.
 *
 * @param issuer the {@code iss} every token must carry
 * @param audience the {@code aud} every token must include: a token minted for another API is
 *     refused here even when its signature is good
 * @param jwkSetFile the public keys (a JWK set, by {@code kid}) tokens are verified with; read
 *     again whenever the file changes, which is how keys are rotated without a restart
 * @param allowedHosts the Host names this service answers (Django's {@code ALLOWED_HOSTS})
 * @param corsAllowedOrigins the browser origins allowed to call the API cross-site
 * @param requireHttps redirect plain HTTP to HTTPS (as seen through a trusted proxy)
 * @param devTokens the local token issuer for demos, labs and load tests
 */
@ConfigurationProperties("fieldguide.security")
record ApiSecurityProperties(String issuer, String audience, @Nullable Path jwkSetFile,
    List<String> allowedHosts, List<String> corsAllowedOrigins,
    @DefaultValue("false") boolean requireHttps, DevTokens devTokens) {

  /**
   * Refuses to start half-configured: binding keeps an unresolved {@code ${ENV_VAR}} as literal
   * text, which would otherwise become an issuer no token has, or a Host no request sends.
   */
  public ApiSecurityProperties {
    requireSet("issuer", issuer);
    requireSet("audience", audience);
    if (jwkSetFile != null) {
      requireSet("jwk-set-file", jwkSetFile.toString());
    }
    if (allowedHosts.isEmpty()) {
      throw new IllegalArgumentException("fieldguide.security.allowed-hosts is empty");
    }
    allowedHosts.forEach(host -> requireSet("allowed-hosts", host));
    corsAllowedOrigins.forEach(origin -> requireSet("cors-allowed-origins", origin));
  }

  private static void requireSet(String name, String value) {
    if (value.isBlank() || value.contains("${")) {
      throw new IllegalArgumentException(
          "fieldguide.security.%s is not set (found '%s')".formatted(name, value));
    }
  }

  /**
   * The dev token issuer's settings.
   *
   * @param enabled {@code POST /dev/tokens} exists; never in the prod profile
   * @param keyFile where the dev signing key lives (created on first start, shared by the
   *     instances of one machine so a token from one is good at all)
   * @param ttl how long an issued token lives
   */
  public record DevTokens(@DefaultValue("false") boolean enabled, Path keyFile,
      @DefaultValue("1h") Duration ttl) {}
}
