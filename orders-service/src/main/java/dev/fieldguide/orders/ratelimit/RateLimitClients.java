package dev.fieldguide.orders.ratelimit;

import dev.fieldguide.orders.security.Caller;
import dev.fieldguide.orders.security.Sha256;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Whose bucket a request takes from, by the strongest evidence it carries: a verified token's
 * subject, so a caller cannot escape its limit by changing key or address; else a registered API
 * key's owner ({@link ApiKeys}); else the client address. That address is the one Tomcat's
 * RemoteIpValve resolves, from {@code X-Forwarded-For} only when the connection comes from a
 * trusted proxy ({@code server.tomcat.remoteip.internal-proxies}), so a client cannot pick it.
 */
final class RateLimitClients {

  private final ApiKeys keys;
  private final String keyHeader;

  RateLimitClients(ApiKeys keys, String keyHeader) {
    this.keys = keys;
    this.keyHeader = keyHeader;
  }

  /**
   * The client of {@code request}. A key that is sent is always checked: one that does not
   * verify marks the client {@link Client#invalidKey} and leaves it counted by token or address.
   */
  Client of(HttpServletRequest request) {
    String presented = request.getHeader(keyHeader);
    Optional<ApiKey> key = presented == null ? Optional.empty() : keys.verify(presented);
    boolean invalidKey = presented != null && key.isEmpty();
    String subject = Caller.current().subject();
    if (subject != null) {
      return new Client("sub:" + digest(subject), null, invalidKey);
    }
    if (key.isPresent()) {
      return new Client("owner:" + digest(key.get().owner()), key.get().policy(), false);
    }
    return new Client("ip:" + request.getRemoteAddr(), null, invalidKey);
  }

  /** Redis keys hold a digest, never a subject or an owner's name. */
  private static String digest(String value) {
    return Sha256.hex(value).substring(0, 32);
  }

  /**
   * A client: its bucket's id, the policy its key names (null: the path's), and whether it sent
   * a key that did not verify (to be refused, once its request has been counted).
   */
  record Client(String id, @Nullable String policy, boolean invalidKey) {}
}
