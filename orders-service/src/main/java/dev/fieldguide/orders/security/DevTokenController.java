package dev.fieldguide.orders.security;

import dev.fieldguide.orders.errors.DomainException;
import dev.fieldguide.orders.errors.DomainException.Kind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /dev/tokens}: the documented local way to get a token (see docs/security.md and
 * {@code ./token}). Off unless {@code fieldguide.security.dev-tokens.enabled}; the prod profile
 * turns it off, so there the only tokens are the identity provider's.
 */
@RestController
@ConditionalOnBooleanProperty("fieldguide.security.dev-tokens.enabled")
class DevTokenController {

  private final DevTokenIssuer issuer;

  DevTokenController(DevTokenIssuer issuer) {
    this.issuer = issuer;
  }

  @PostMapping("/dev/tokens")
  TokenResponse issue(@Valid @RequestBody TokenRequest request) {
    String subject = request.subject();
    Long customerId = request.customerId();
    String token = switch (request.roleName()) {
      case Roles.ADMIN -> issuer.admin(subject == null ? "dev-admin" : subject);
      case Roles.SERVICE -> issuer.service(subject == null ? "dev-service" : subject);
      case Roles.CUSTOMER -> {
        if (customerId == null) {
          throw new DomainException(Kind.INVALID, "CUSTOMER_ID_REQUIRED",
              "A customer token needs the customerId it acts for.");
        }
        yield issuer.customer(customerId);
      }
      default -> throw new IllegalStateException("unreachable: validated role " + request.role());
    };
    return new TokenResponse(token, "Bearer", issuer.ttl().toSeconds());
  }

  record TokenRequest(
      @NotNull @Pattern(regexp = Roles.CUSTOMER + "|" + Roles.ADMIN + "|"
          + Roles.SERVICE) @Nullable String role,
      @Positive @Nullable Long customerId,
      @Size(min = 1, max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+") @Nullable String subject) {

    String roleName() {
      return role == null ? "" : role;
    }
  }

  record TokenResponse(String accessToken, String tokenType, long expiresIn) {}
}
