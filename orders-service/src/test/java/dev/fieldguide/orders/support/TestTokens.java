package dev.fieldguide.orders.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Keys and tokens the way an identity provider would make them, for tests that must control
 * what the dev issuer does not: other keys, expired tokens, foreign audiences, key-set files.
 */
public final class TestTokens {

  /** The dev issuer's {@code iss} and {@code aud} (application.yaml). */
  public static final String ISSUER = "urn:fieldguide:dev-issuer";
  public static final String AUDIENCE = "field-guide-api";

  private TestTokens() {}

  public static RSAKey newKey(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Publishes the public halves of {@code keys} at {@code file}, by atomic rename. */
  public static void publish(Path file, List<RSAKey> keys) {
    try {
      Files.createDirectories(file.getParent());
      Path draft = Files.createTempFile(file.getParent(), "jwks", ".tmp");
      Files.writeString(draft, new JWKSet(List.copyOf(keys)).toPublicJWKSet().toString());
      Files.move(draft, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The claims of a valid admin token for {@code subject}, living 5 minutes from now. */
  public static JWTClaimsSet.Builder admin(String subject) {
    return valid(subject).claim("roles", List.of("admin"));
  }

  /** The claims of a valid token for customer {@code customerId}. */
  public static JWTClaimsSet.Builder customer(long customerId) {
    return valid("customer-" + customerId).claim("roles", List.of("customer"))
        .claim("customer_id", customerId);
  }

  private static JWTClaimsSet.Builder valid(String subject) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject(subject)
        .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
  }

  /** {@code claims}, changed by {@code change}, signed RS256 by {@code key} under its kid. */
  public static String sign(RSAKey key, JWTClaimsSet.Builder claims,
      UnaryOperator<JWTClaimsSet.Builder> change) {
    var token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
        .type(JOSEObjectType.JWT).build(), change.apply(claims).build());
    try {
      token.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return token.serialize();
  }

  public static String sign(RSAKey key, JWTClaimsSet.Builder claims) {
    return sign(key, claims, UnaryOperator.identity());
  }
}
