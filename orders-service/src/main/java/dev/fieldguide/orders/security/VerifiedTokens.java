package dev.fieldguide.orders.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * A4: remembers the tokens whose signature has been verified, so a caller's next request with the
 * same token skips the RSA verification and the parsing of its claims, about a tenth of an
 * authenticated order page's CPU samples before (docs/performance.md). A remembered token still
 * passes the validators
 * on every request (expiry and not-before move with the clock), and counts only under the key set
 * it was verified with: once a key leaves the trusted set its tokens are verified again, and
 * refused, as before. Refused tokens are never remembered. At most {@value #MAX_TOKENS} tokens are
 * kept; when full, the memory starts over.
 */
final class VerifiedTokens implements JwtDecoder {

  static final int MAX_TOKENS = 10_000;

  private final JwtDecoder verifier;
  private final OAuth2TokenValidator<Jwt> validator;
  private final TrustedKeys keys;
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  /**
   * @param verifier checks the signature, then {@code validator}
   * @param validator what every use of a token must pass, remembered or not
   */
  VerifiedTokens(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, TrustedKeys keys) {
    this.verifier = verifier;
    this.validator = validator;
    this.keys = keys;
  }

  @Override
  public Jwt decode(String token) throws JwtException {
    Object keySet = keys.version();
    Verified known = verified.get(token);
    if (known != null && known.keySet() == keySet) {
      OAuth2TokenValidatorResult result = validator.validate(known.jwt());
      if (result.hasErrors()) {
        verified.remove(token);
        throw new JwtValidationException("The token is no longer valid", result.getErrors());
      }
      return known.jwt();
    }
    Jwt jwt = verifier.decode(token);
    if (verified.size() >= MAX_TOKENS) {
      verified.clear();
    }
    verified.put(token, new Verified(jwt, keySet));
    return jwt;
  }

  private record Verified(Jwt jwt, Object keySet) {}
}
