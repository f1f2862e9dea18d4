package dev.fieldguide.orders.ratelimit;

import dev.fieldguide.orders.errors.DomainException;
import dev.fieldguide.orders.errors.DomainException.Kind;
import dev.fieldguide.orders.errors.FieldProblem;
import dev.fieldguide.orders.security.Sha256;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * R4: API keys are registered credentials, so a client cannot mint its own bucket by inventing
 * one. A key is 256 random bits, handed out once; the {@code api_keys} table keeps only its
 * SHA-256, its owner and its policy. An invented, malformed or revoked key verifies as nothing.
 */
@Component
@ConditionalOnBooleanProperty(name = "fieldguide.rate-limit.enabled", matchIfMissing = true)
class ApiKeys {

  /** Says what the secret is to a person or a secret scanner that finds one in a log. */
  private static final String PREFIX = "fgk_";
  private static final Pattern FORMAT = Pattern.compile("fgk_[A-Za-z0-9_-]{43}");

  private final SecureRandom random = new SecureRandom();
  private final JdbcClient jdbc;
  private final Set<String> policies;

  ApiKeys(JdbcClient jdbc, RateLimitProperties properties) {
    this.jdbc = jdbc;
    this.policies = properties.policies().keySet();
  }

  /** A new key for {@code owner}; the only time the key itself exists outside its holder. */
  IssuedApiKey issue(String owner, @Nullable String policy, String issuedBy) {
    if (policy != null && !policies.contains(policy)) {
      throw new DomainException(Kind.INVALID, "UNKNOWN_RATE_LIMIT_POLICY",
          "No rate-limit policy is named '%s'.".formatted(policy),
          List.of(new FieldProblem("policy", "must be one of " + policies.stream().sorted()
              .toList())));
    }
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    long id = jdbc.sql("""
        INSERT INTO api_keys (key_sha256, owner, rate_limit_policy, created_by)
        VALUES (?, ?, ?, ?) RETURNING id
        """).param(Sha256.hex(key)).param(owner).param(policy).param(issuedBy)
        .query(Long.class).single();
    return new IssuedApiKey(id, key, owner, policy);
  }

  /** The key {@code presented} names, if it is well-formed, registered and not revoked. */
  Optional<ApiKey> verify(String presented) {
    if (!FORMAT.matcher(presented).matches()) {
      return Optional.empty(); // no statement for what cannot be a key
    }
    return jdbc.sql("""
        SELECT id, owner, rate_limit_policy FROM api_keys
        WHERE key_sha256 = ? AND revoked_at IS NULL
        """).param(Sha256.hex(presented))
        .query((rs, row) -> new ApiKey(rs.getLong(1), rs.getString(2), rs.getString(3)))
        .optional();
  }

  /** Revokes key {@code id} from now on; false if there is no such key. Revoking twice is fine. */
  boolean revoke(long id) {
    return jdbc.sql("UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE id = ?")
        .param(id).update() == 1;
  }

  /** A key as issued: the only answer that ever holds the key itself. */
  record IssuedApiKey(long id, String key, String owner, @Nullable String policy) {}
}
