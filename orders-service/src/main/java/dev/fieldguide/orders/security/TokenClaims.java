package dev.fieldguide.orders.security;

/** The claims this API reads beyond the registered ones (iss, aud, sub, exp). */
final class TokenClaims {

  static final String ROLES = "roles";
  static final String CUSTOMER_ID = "customer_id";
  static final String AUTHORITY_PREFIX = "ROLE_";

  private TokenClaims() {}

  static String authority(String role) {
    return AUTHORITY_PREFIX + role;
  }
}
