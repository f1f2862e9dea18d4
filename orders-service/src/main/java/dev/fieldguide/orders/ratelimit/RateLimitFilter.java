package dev.fieldguide.orders.ratelimit;

import dev.fieldguide.orders.audit.AuditEvent;
import dev.fieldguide.orders.audit.AuditLog;
import dev.fieldguide.orders.redis.RedisCircuitBreaker;
import dev.fieldguide.orders.security.Caller;
import dev.fieldguide.orders.web.ProblemResponseWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * R4: every request on a policy's paths ({@code /api/**}, {@code /graphql}) takes a token from its
 * client's bucket ({@link RateLimitClients}) for the policy its API key names or else the one
 * whose pattern matches its path most specifically, gets the RateLimit headers, and is refused
 * with 429 when the bucket is empty, or with 401 when it sent an API key that does not verify. It
 * leaves a {@link RateLimitCharge} on the request for a handler that learns the request's full
 * cost later (GraphQL). Most takes are answered from this instance's lease or remembered
 * refusal ({@link TokenLeases}) without a Redis call. If Redis is unreachable the request passes
 * (fail open): the API's availability is worth more than the limit for the length of an outage.
 */
class RateLimitFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);
  private static final String BUCKET = "fieldguide:ratelimit:";
  private static final Duration OUTAGE_SKIP = Duration.ofSeconds(5);
  /** Clients whose lease or refusal this instance remembers (a few hundred bytes each). */
  private static final int REMEMBERED_CLIENTS = 10_000;

  private final TokenLeases leases;
  private final RateLimitClients clients;
  private final String keyHeader;
  private final Map<String, RateLimitPolicy> policies;
  private final PolicyRoutes routes;
  private final ProblemResponseWriter problems;
  private final AuditLog audit;
  private final MeterRegistry meters;
  private final Counter unavailable;
  private final RedisCircuitBreaker redisBreaker = new RedisCircuitBreaker(OUTAGE_SKIP);

  RateLimitFilter(TokenBucket buckets, ApiKeys keys, RateLimitProperties properties,
      ProblemResponseWriter problems, AuditLog audit, MeterRegistry meters) {
    this.leases = new TokenLeases(buckets, System::nanoTime, REMEMBERED_CLIENTS);
    this.keyHeader = properties.clientHeader();
    this.clients = new RateLimitClients(keys, keyHeader);
    this.policies = properties.toPolicies().stream()
        .collect(Collectors.toMap(RateLimitPolicy::name, Function.identity()));
    this.routes = new PolicyRoutes(properties.toPolicies());
    this.problems = problems;
    this.audit = audit;
    this.meters = meters;
    this.unavailable = meters.counter("fieldguide.ratelimit.unavailable");
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    // The policies' paths decide, so an API outside /api/ (GraphQL) is limited like the rest.
    return policyFor(request.getRequestURI()).isEmpty();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    Optional<RateLimitPolicy> pathPolicy = policyFor(request.getRequestURI());
    if (pathPolicy.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    RateLimitClients.Client client = clients.of(request);
    RateLimitPolicy policy = client.policy() == null
        ? pathPolicy.get()
        : policies.getOrDefault(client.policy(), pathPolicy.get());
    String bucket = BUCKET + policy.name() + ":" + client.id();
    var charge = new RateLimitCharge(tokens -> take(bucket, policy, tokens), policy, response,
        meters.counter("fieldguide.ratelimit.rejected", "policy", policy.name()));
    OptionalLong retryAfter = charge.take(1);
    if (retryAfter.isPresent()) {
      var problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
          "Rate limit '%s' exceeded; retry after %d s.".formatted(policy.name(),
              retryAfter.getAsLong()));
      problems.write(request, response, problem, "RATE_LIMITED");
      return;
    }
    if (client.invalidKey()) {
      // Counted first: inventing keys spends the sender's own budget, then ends in 429s.
      refuseKey(request, response);
      return;
    }
    // A handler that learns the request's full cost later takes the rest (GraphQL, by a query's
    // complexity).
    request.setAttribute(RateLimitCharge.ATTRIBUTE, charge);
    chain.doFilter(request, response);
  }

  /** {@code tokens} from {@code bucket}; empty while Redis is unreachable (the request passes). */
  private Optional<TokenBucket.Decision> take(String bucket, RateLimitPolicy policy, int tokens) {
    if (redisBreaker.isOpen()) {
      unavailable.increment(); // skip Redis instead of waiting out its timeout on every request
      return Optional.empty();
    }
    try {
      return Optional.of(leases.take(bucket, policy, tokens));
    } catch (RedisException e) {
      unavailable.increment();
      redisBreaker.trip();
      log.warn("Rate limiter unavailable; requests pass unlimited for the next {} s",
          OUTAGE_SKIP.toSeconds(), e);
      return Optional.empty();
    }
  }

  /**
   * 401 for a key that is not a registered, unrevoked one, with a challenge in the style of RFC
   * 6750 (RFC 9110 requires one on a 401), and an audit row like a refused token's. The answer
   * is the same for a malformed, an unknown and a revoked key, so probing tells nothing.
   */
  private void refuseKey(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    audit.record(request, Caller.current().subject(), AuditEvent.Outcome.UNAUTHENTICATED, 401,
        "API key not registered, revoked or malformed");
    String detail = "The %s header does not hold a registered, unrevoked API key."
        .formatted(keyHeader);
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
        "ApiKey error=\"invalid_token\", error_description=\"%s\"".formatted(detail));
    problems.write(request, response,
        ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail), "INVALID_API_KEY");
  }

  private Optional<RateLimitPolicy> policyFor(String path) {
    return routes.policyFor(path);
  }
}
