package dev.fieldguide.orders.security;

import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, as the verified token says: the subject, the customer it acts as (customers
 * only) and whether it holds the admin role. Object-level checks ask this, never the request.
 */
public record Caller(@Nullable String subject, @Nullable Long customerId, boolean admin) {

  private static final Caller ANONYMOUS = new Caller(null, null, false);

  /** The caller of the current request (anonymous when no token was verified). */
  public static Caller current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!(authentication instanceof JwtAuthenticationToken token)) {
      return ANONYMOUS;
    }
    String customer = token.getToken().getClaimAsString(TokenClaims.CUSTOMER_ID);
    boolean admin = token.getAuthorities().stream()
        .anyMatch(authority -> TokenClaims.authority(Roles.ADMIN).equals(authority.getAuthority()));
    return new Caller(token.getName(), customer == null ? null : Long.valueOf(customer), admin);
  }

  /**
   * The current caller's issuer, roles and subject as one string (null without a verified token).
   * Two tokens share it only when all three agree: an admin or service token that carries a
   * customer's subject is another caller. The subject comes last, so no subject can imitate
   * another issuer or role set.
   */
  public static @Nullable String currentIdentity() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!(authentication instanceof JwtAuthenticationToken token)) {
      return null;
    }
    String roles = token.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted()
        .collect(Collectors.joining(","));
    return String.join("\n", String.valueOf(token.getToken().getClaimAsString(JwtClaimNames.ISS)),
        roles, token.getName());
  }

  /** Admins act for every customer; a customer only for itself. */
  public boolean mayActFor(long customer) {
    return admin || (customerId != null && customerId == customer);
  }
}
