package dev.fieldguide.orders.idempotency;

import dev.fieldguide.orders.security.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code idempotency_keys} table and the advisory lock that guards a key in flight. */
@Component
class IdempotencyKeyStore {

  private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final IdempotencyProperties properties;

  IdempotencyKeyStore(JdbcClient jdbc, JsonMapper json, IdempotencyProperties properties) {
    this.jdbc = jdbc;
    this.json = json;
    this.properties = properties;
  }

  /**
   * Takes the key's lock for the current transaction, without waiting: false means another
   * request with this key is running right now. The lock ends with the transaction, so a crashed
   * request leaves nothing that would block the client's retry.
   */
  boolean tryLock(String clientId, String key) {
    return Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(?)")
        .param(lockId(clientId, key)).query(Boolean.class).single());
  }

  /** The unexpired outcome stored for this key, if any. */
  Optional<StoredResponse> find(String clientId, String key) {
    return jdbc.sql("""
        SELECT fingerprint, response_status, response_headers::text, response_body
        FROM idempotency_keys
        WHERE client_id = ? AND idempotency_key = ? AND expires_at > now()
        """).params(clientId, key)
        .query((rs, row) -> new StoredResponse(rs.getString(1), rs.getInt(2),
            json.readValue(rs.getString(3), HEADERS), rs.getBytes(4)))
        .optional();
  }

  /** Stores the outcome; an expired row for the key is replaced, a live one is kept. */
  void save(String clientId, String key, StoredResponse response) {
    jdbc.sql("""
        INSERT INTO idempotency_keys (client_id, idempotency_key, fingerprint, response_status,
                                      response_headers, response_body, expires_at)
        VALUES (?, ?, ?, ?, ?::jsonb, ?, now() + make_interval(secs => ?))
        ON CONFLICT (client_id, idempotency_key) DO UPDATE
          SET fingerprint = excluded.fingerprint, response_status = excluded.response_status,
              response_headers = excluded.response_headers,
              response_body = excluded.response_body, created_at = now(),
              expires_at = excluded.expires_at
          WHERE idempotency_keys.expires_at <= now()
        """)
        .params(clientId, key, response.fingerprint(), response.status(),
            json.writeValueAsString(response.headers()), response.body(),
            (double) properties.ttl().toSeconds())
        .update();
  }

  /** Deletes up to {@code batch} expired keys; returns how many went. */
  int deleteExpired(int batch) {
    return jdbc.sql("""
        DELETE FROM idempotency_keys WHERE ctid IN (
          SELECT ctid FROM idempotency_keys WHERE expires_at <= now() LIMIT ?)
        """).param(batch).update();
  }

  /** The advisory-lock id of a key: 64 bits of SHA-256 over client and key. */
  static long lockId(String clientId, String key) {
    return ByteBuffer.wrap(Sha256.of((clientId + "\n" + key).getBytes(StandardCharsets.UTF_8)))
        .getLong();
  }
}
