package dev.fieldguide.orders.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Mints tokens for local use: demos, labs, load tests and the drills. It plays the identity
 * provider's part with the same claims a real one would be configured to send (iss, aud, sub,
 * exp, roles, customer_id), so the verifier cannot tell the difference and needs no dev path.
 * Exists only where {@code fieldguide.security.dev-tokens.enabled} is true (never in prod).
 */
public final class DevTokenIssuer {

  private final RSAKey key;
  private final String issuer;
  private final String audience;
  private final Duration ttl;
  private final Clock clock;

  DevTokenIssuer(RSAKey key, String issuer, String audience, Duration ttl, Clock clock) {
    this.key = key;
    this.issuer = issuer;
    this.audience = audience;
    this.ttl = ttl;
    this.clock = clock;
  }

  /** A token for an admin named {@code subject}. */
  public String admin(String subject) {
    return issue(subject, Roles.ADMIN, null);
  }

  /** A token for an internal service named {@code subject} (the gRPC stock service's callers). */
  public String service(String subject) {
    return issue(subject, Roles.SERVICE, null);
  }

  /** A token for the customer {@code customerId}. */
  public String customer(long customerId) {
    return issue("customer-" + customerId, Roles.CUSTOMER, customerId);
  }

  /** How long the tokens of {@link #issue} live. */
  public Duration ttl() {
    return ttl;
  }

  String issue(String subject, String role, @Nullable Long customerId) {
    Instant now = clock.instant();
    var claims = new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject(subject)
        .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(ttl)))
        .jwtID(UUID.randomUUID().toString()).claim(TokenClaims.ROLES, List.of(role));
    if (customerId != null) {
      claims.claim(TokenClaims.CUSTOMER_ID, customerId);
    }
    var header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
        .type(JOSEObjectType.JWT).build();
    SignedJWT token = new SignedJWT(header, claims.build());
    try {
      token.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign a dev token", e);
    }
    return token.serialize();
  }

  RSAKey publicKey() {
    return key.toPublicJWK();
  }
}
