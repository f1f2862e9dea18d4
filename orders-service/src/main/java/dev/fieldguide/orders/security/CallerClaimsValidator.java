package dev.fieldguide.orders.security;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A token must say who it is for in a way this API understands: a subject, known roles only, and
 * a numeric {@code customer_id} when it carries the customer role. A token that does not is
 * refused at the door (401) rather than half-trusted further in.
 */
final class CallerClaimsValidator implements OAuth2TokenValidator<Jwt> {

  @Override
  public OAuth2TokenValidatorResult validate(Jwt token) {
    if (token.getSubject() == null || token.getSubject().isBlank()) {
      return invalid("The token has no subject.");
    }
    List<String> roles = token.getClaimAsStringList(TokenClaims.ROLES);
    if (roles == null || roles.isEmpty() || !Roles.ALL.containsAll(roles)) {
      return invalid("The token's roles must be a non-empty subset of " + Roles.ALL + ".");
    }
    if (roles.contains(Roles.CUSTOMER) && !isPositiveNumber(
        token.getClaimAsString(TokenClaims.CUSTOMER_ID))) {
      return invalid("A customer token needs a numeric customer_id.");
    }
    return OAuth2TokenValidatorResult.success();
  }

  private static boolean isPositiveNumber(@Nullable String value) {
    try {
      return value != null && Long.parseLong(value) > 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static OAuth2TokenValidatorResult invalid(String description) {
    return OAuth2TokenValidatorResult.failure(
        new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
  }
}
