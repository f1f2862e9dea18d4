package dev.fieldguide.orders.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldguide.orders.support.TestTokens;
import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * A token is verified once and remembered; a remembered one still passes the validators on each
 * use and is verified again once the key set changes; a refused one is never remembered.
 */
class VerifiedTokensTests {

  @TempDir
  Path folder;

  private final RSAKey key = TestTokens.newKey("verified-tokens");
  private final AtomicInteger verifications = new AtomicInteger();
  private final MovableClock clock = new MovableClock();

  private VerifiedTokens tokens(TrustedKeys keys) {
    NimbusJwtDecoder nimbus = NimbusJwtDecoder.withJwkSource(keys)
        .jwsAlgorithm(SignatureAlgorithm.RS256).build();
    var validator = new JwtTimestampValidator(Duration.ZERO);
    validator.setClock(clock);
    nimbus.setJwtValidator(validator);
    JwtDecoder counted = token -> {
      verifications.incrementAndGet();
      return nimbus.decode(token);
    };
    return new VerifiedTokens(counted, validator, keys);
  }

  @Test
  void theSameTokenIsVerifiedOnceAndStillExpiresOnTime() {
    Path file = folder.resolve("jwks.json");
    TestTokens.publish(file, List.of(key));
    VerifiedTokens tokens = tokens(new TrustedKeys(file, List.of()));
    String token = TestTokens.sign(key, TestTokens.admin("ops"));

    for (int i = 0; i < 5; i++) {
      assertThat(tokens.decode(token).getSubject()).isEqualTo("ops");
    }
    assertThat(verifications).hasValue(1);

    clock.move(Duration.ofMinutes(6)); // the token lives 5 minutes
    assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtValidationException.class);
  }

  @Test
  void aChangedKeySetVerifiesRememberedTokensAgainAndARetiredKeysAreRefused() {
    Path file = folder.resolve("jwks.json");
    RSAKey next = TestTokens.newKey("verified-tokens-next");
    TestTokens.publish(file, List.of(key));
    VerifiedTokens tokens = tokens(new TrustedKeys(file, List.of()));
    String token = TestTokens.sign(key, TestTokens.admin("ops"));
    tokens.decode(token);

    TestTokens.publish(file, List.of(key, next));
    tokens.decode(token);
    assertThat(verifications).as("verified again under the new key set").hasValue(2);

    TestTokens.publish(file, List.of(next));
    assertThatThrownBy(() -> tokens.decode(token)).hasMessageContaining("no matching key");
  }

  @Test
  void aRefusedTokenIsNotRemembered() {
    VerifiedTokens tokens = tokens(new TrustedKeys(null, List.of(key.toPublicJWK())));
    String foreign = TestTokens.sign(TestTokens.newKey("verified-tokens"), TestTokens.admin("x"));

    assertThatThrownBy(() -> tokens.decode(foreign)).isNotNull();
    assertThatThrownBy(() -> tokens.decode(foreign)).isNotNull();
    assertThat(verifications).hasValue(2);
  }

  /** A clock the test moves forward. */
  private static final class MovableClock extends Clock {
    private Instant now = Instant.now();

    void move(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
