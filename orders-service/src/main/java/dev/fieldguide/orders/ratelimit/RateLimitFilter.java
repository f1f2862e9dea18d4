package dev.fieldguide.orders.ratelimit;

import dev.fieldguide.orders.web.ProblemResponseWriter;
import dev.fieldguide.orders.redis.RedisCircuitBreaker;
import dev.fieldguide.orders.security.Caller;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * R4: every request on a policy's paths ({@code /api/**}, {@code /graphql}) takes a token from its
 * client's bucket for the policy whose pattern matches its path most specifically, gets the
 * RateLimit headers, and is refused with 429 when the bucket is
 * empty. If Redis is unreachable the request passes (fail open): the API's availability is worth
 * more than the limit for the length of an outage.
 */
class RateLimitFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);
  private static final String BUCKET = "fieldguide:ratelimit:";
  private static final Duration OUTAGE_SKIP = Duration.ofSeconds(5);

  private final TokenBucket buckets;
  private final String clientHeader;
  private final List<Route> routes;
  private final ProblemResponseWriter problems;
  private final MeterRegistry meters;
  private final Counter unavailable;
  private final RedisCircuitBreaker redisBreaker = new RedisCircuitBreaker(OUTAGE_SKIP);

  RateLimitFilter(TokenBucket buckets, RateLimitProperties properties,
      ProblemResponseWriter problems, MeterRegistry meters) {
    this.buckets = buckets;
    this.clientHeader = properties.clientHeader();
    // Most specific pattern first, as Spring MVC ranks handler mappings: /api/lab/limited/burst
    // wins over /api/**, whichever settings file declared its policy.
    this.routes = properties.toPolicies().stream().flatMap(policy -> policy.paths().stream()
        .map(path -> new Route(PathPatternParser.defaultInstance.parse(path), policy)))
        .sorted(Comparator.comparing(Route::pattern, PathPattern.SPECIFICITY_COMPARATOR))
        .toList();
    this.problems = problems;
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
    Optional<RateLimitPolicy> policy = policyFor(request.getRequestURI());
    if (policy.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    if (redisBreaker.isOpen()) {
      unavailable.increment(); // skip Redis instead of waiting out its timeout on every request
      chain.doFilter(request, response);
      return;
    }
    TokenBucket.Decision decision;
    try {
      decision = buckets.take(BUCKET + policy.get().name() + ":" + clientOf(request),
          policy.get());
    } catch (RedisException e) {
      unavailable.increment();
      redisBreaker.trip();
      log.warn("Rate limiter unavailable; requests pass unlimited for the next {} s",
          OUTAGE_SKIP.toSeconds(), e);
      chain.doFilter(request, response);
      return;
    }
    RateLimitHeaders.write(response, policy.get(), decision);
    if (decision.allowed()) {
      chain.doFilter(request, response);
      return;
    }
    meters.counter("fieldguide.ratelimit.rejected", "policy", policy.get().name()).increment();
    long retryAfter = RateLimitHeaders.seconds(decision.retryAfterMillis());
    response.setHeader("Retry-After", String.valueOf(retryAfter));
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
        "Rate limit '%s' exceeded; retry after %d s.".formatted(policy.get().name(), retryAfter));
    problems.write(request, response, problem, "RATE_LIMITED");
  }

  private Optional<RateLimitPolicy> policyFor(String path) {
    PathContainer container = PathContainer.parsePath(path);
    return routes.stream().filter(route -> route.pattern().matches(container))
        .map(Route::policy).findFirst();
  }

  /**
   * The authenticated caller (the token's subject) when there is one: a client cannot escape its
   * limit by changing address, and many customers behind one NAT do not share a bucket. Otherwise
   * the API key when one is sent (hashed: the Redis key must not hold the secret), otherwise the
   * address, which behind a trusted proxy is the client's (server.tomcat.remoteip).
   */
  private String clientOf(HttpServletRequest request) {
    String subject = Caller.current().subject();
    if (subject != null) {
      return "sub:" + sha256(subject).substring(0, 32);
    }
    String apiKey = request.getHeader(clientHeader);
    if (apiKey != null && !apiKey.isBlank()) {
      return "key:" + sha256(apiKey).substring(0, 32);
    }
    return "ip:" + request.getRemoteAddr();
  }

  private static String sha256(String value) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private record Route(PathPattern pattern, RateLimitPolicy policy) {}
}
