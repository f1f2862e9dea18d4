package dev.fieldguide.orders.security;

import com.nimbusds.jose.jwk.JWK;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * How a bearer token is checked: an RS256 signature by a trusted key (chosen by {@code kid}),
 * then expiry and not-before (60 s of clock skew), the issuer, the audience, and claims this API
 * can act on. Its roles become {@code ROLE_customer} / {@code ROLE_admin}.
 */
@Configuration(proxyBeanMethods = false)
class TokenVerification {

  @Bean
  @ConditionalOnBooleanProperty("fieldguide.security.dev-tokens.enabled")
  DevTokenIssuer devTokenIssuer(ApiSecurityProperties properties) {
    var dev = properties.devTokens();
    return new DevTokenIssuer(DevSigningKey.loadOrCreate(dev.keyFile()), properties.issuer(),
        properties.audience(), dev.ttl(), Clock.systemUTC());
  }

  @Bean
  TrustedKeys trustedKeys(ApiSecurityProperties properties,
      ObjectProvider<DevTokenIssuer> devIssuer) {
    List<JWK> builtIn = devIssuer.stream().map(issuer -> (JWK) issuer.publicKey()).toList();
    TrustedKeys keys = new TrustedKeys(properties.jwkSetFile(), builtIn);
    if (keys.keys().isEmpty()) {
      // Fail at startup, not with a 401 on every request.
      throw new IllegalStateException("No keys to verify tokens with: fieldguide.security."
          + "jwk-set-file (FIELDGUIDE_SECURITY_JWK_SET_FILE) is unset, missing or empty, and the "
          + "dev token issuer is off.");
    }
    return keys;
  }

  @Bean
  JwtDecoder jwtDecoder(TrustedKeys keys, ApiSecurityProperties properties) {
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys)
        .jwsAlgorithm(SignatureAlgorithm.RS256).build();
    List<OAuth2TokenValidator<Jwt>> checks = List.of(new JwtIssuerValidator(properties.issuer()),
        new JwtAudienceValidator(properties.audience()), new CallerClaimsValidator());
    // The defaults add expiry and not-before (60 s of clock skew) to these.
    OAuth2TokenValidator<Jwt> validator = JwtValidators.createDefaultWithValidators(checks);
    decoder.setJwtValidator(validator);
    return new VerifiedTokens(decoder, validator, keys);
  }

  @Bean
  JwtAuthenticationConverter jwtAuthenticationConverter() {
    var authorities = new JwtGrantedAuthoritiesConverter();
    authorities.setAuthoritiesClaimName(TokenClaims.ROLES);
    authorities.setAuthorityPrefix(TokenClaims.AUTHORITY_PREFIX);
    var converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(authorities);
    return converter;
  }
}
