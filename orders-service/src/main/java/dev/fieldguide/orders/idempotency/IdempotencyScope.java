package dev.fieldguide.orders.idempotency;

import dev.fieldguide.orders.security.Caller;
import dev.fieldguide.orders.security.Sha256;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * Whose key a key is: exactly one caller, so a stored response is never replayed to anyone else
 * and two callers choosing the same key never collide. A token's caller is its issuer, roles and
 * subject together ({@link Caller#currentIdentity}); a cookie-session caller (the shortlist) is
 * its session. Both are kept as digests: a session id is a credential.
 */
final class IdempotencyScope {

  private IdempotencyScope() {}

  /**
   * The scope of {@code request}'s caller; empty for a request with neither a token nor a
   * session, whose retry nothing would tell from another client's request.
   */
  static Optional<String> of(HttpServletRequest request) {
    String identity = Caller.currentIdentity();
    if (identity != null) {
      return Optional.of("token:" + Sha256.hex(identity));
    }
    HttpSession session = request.getSession(false);
    return session == null
        ? Optional.empty()
        : Optional.of("session:" + Sha256.hex(session.getId()));
  }
}
