package dev.fieldguide.orders.ratelimit;

import dev.fieldguide.orders.security.Caller;
import dev.fieldguide.orders.security.Sha256;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Whose bucket a request takes from, by the strongest evidence it carries: a verified token's
 * caller (issuer, roles and subject), so it cannot escape its limit by changing key or address;
 * else a registered API key's owner ({@link ApiKeys}); else the client address. That address is
 * the one Tomcat's RemoteIpValve resolves, from {@code X-Forwarded-For} only when the connection
 * comes from a trusted proxy ({@code server.tomcat.remoteip.internal-proxies}), so a client
 * cannot pick it.
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
    String caller = Caller.currentIdentity();
    if (caller != null) {
      return new Client("token:" + digest(caller), null, invalidKey);
    }
    if (key.isPresent()) {
      return new Client("owner:" + digest(key.get().owner()), key.get().policy(), false);
    }
    return new Client("ip:" + network(request.getRemoteAddr()), null, invalidKey);
  }

  /**
   * An IPv4 address as it is; an IPv6 address by its /64, the network one subscriber gets, whose
   * 2^64 addresses a client could otherwise take turns with, a fresh bucket each.
   */
  private static String network(String address) {
    byte[] bytes;
    try {
      bytes = InetAddress.ofLiteral(address).getAddress();
    } catch (IllegalArgumentException e) {
      return address; // what a trusted proxy sent, if not an address: its own bucket all the same
    }
    if (bytes.length == 4) {
      return address;
    }
    ByteBuffer prefix = ByteBuffer.wrap(bytes);
    return "%x:%x:%x:%x::/64".formatted(prefix.getShort() & 0xffff, prefix.getShort() & 0xffff,
        prefix.getShort() & 0xffff, prefix.getShort() & 0xffff);
  }

  /** Redis keys hold a digest, never a caller's or an owner's name. */
  private static String digest(String value) {
    return Sha256.hex(value).substring(0, 32);
  }

  /**
   * A client: its bucket's id, the policy its key names (null: the path's), and whether it sent
   * a key that did not verify (to be refused, once its request has been counted).
   */
  record Client(String id, @Nullable String policy, boolean invalidKey) {}
}
