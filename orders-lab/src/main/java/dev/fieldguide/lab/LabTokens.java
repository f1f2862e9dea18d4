package dev.fieldguide.lab;

import dev.fieldguide.orders.security.DevTokenIssuer;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The labs' tokens from the dev issuer: minted once and renewed at half their lifetime, so a
 * lab measures requests rather than RSA signatures, and a service that has run for hours still
 * hands its labs live tokens.
 */
@Component
class LabTokens {

  private final Renewed admin;
  private final Renewed service;

  LabTokens(DevTokenIssuer issuer) {
    Duration renewAfter = issuer.ttl().dividedBy(2);
    this.admin = new Renewed(() -> issuer.admin("lab"), renewAfter);
    this.service = new Renewed(() -> issuer.service("lab"), renewAfter);
  }

  /** For the HTTP endpoints labs call: orders, jobs, admin. */
  String admin() {
    return admin.get();
  }

  /** For the internal gRPC stock service. */
  String service() {
    return service.get();
  }

  private static final class Renewed {

    private final Supplier<String> mint;
    private final Duration renewAfter;
    private @Nullable String token;
    private Instant renewAt = Instant.MIN;

    Renewed(Supplier<String> mint, Duration renewAfter) {
      this.mint = mint;
      this.renewAfter = renewAfter;
    }

    synchronized String get() {
      Instant now = Instant.now();
      String current = token;
      if (current == null || now.isAfter(renewAt)) {
        current = mint.get();
        token = current;
        renewAt = now.plus(renewAfter);
      }
      return current;
    }
  }
}
