package dev.fieldguide.orders.idempotency;

import dev.fieldguide.orders.errors.TransactionConflict;
import dev.fieldguide.orders.db.TransactionRetry;
import dev.fieldguide.orders.web.ProblemResponseWriter;
import dev.fieldguide.orders.web.RequestBodyLimit;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Handles {@code Idempotency-Key} on POSTs to the API's routes ({@code /api/...}). Whether a key is
 * required, and the path in the fingerprint, come from the route Spring MVC dispatches the request
 * to ({@link MvcRoutes}), never from the raw URI, so no spelling of a route escapes its rules.
 *
 * <p>The whole request runs in one transaction that first takes the key's advisory lock: the
 * business writes and the stored response commit together, so there is no window in which the
 * order exists but the key does not (or the reverse). Client errors (4xx) are stored too, after
 * the rollback of whatever the request had started; server errors (5xx) are not, so a retry can
 * succeed once the fault is gone.
 *
 * <p>That transaction is the outermost one, so it is the one {@link TransactionRetry} retries
 * when it loses a race (deadlock, serialization failure) anywhere inside, the order placement's
 * stock updates included: the key's lock, the business writes and the stored response are rolled
 * back together and the request runs again from the key's lock on, so a retry can never store a
 * second order or a second response. Every attempt lost: a 503 with {@code Retry-After}, stored
 * as no 5xx is.
 */
class IdempotencyKeyFilter extends OncePerRequestFilter {

  static final String HEADER = "Idempotency-Key";
  static final String REPLAYED = "Idempotent-Replayed";

  private final IdempotencyKeyStore store;
  private final IdempotencyProperties properties;
  private final TransactionRetry keyedRequests;
  private final TransactionTemplate transactions;
  private final ProblemResponseWriter problems;
  private final MvcRoutes routes;

  IdempotencyKeyFilter(IdempotencyKeyStore store, IdempotencyProperties properties,
      TransactionRetry keyedRequests, TransactionTemplate transactions,
      ProblemResponseWriter problems, MvcRoutes routes) {
    this.store = store;
    this.properties = properties;
    this.keyedRequests = keyedRequests;
    this.transactions = transactions;
    this.problems = problems;
    this.routes = routes;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    MvcRoutes.Route route = routes.routeOf(request).orElse(null);
    if (route == null || !properties.takesKey(request.getMethod(), route.pattern())) {
      // Not an API route, or no route at all: MVC answers 404, 405 or 415 without a handler.
      chain.doFilter(request, response);
      return;
    }
    String header = request.getHeader(HEADER);
    if (header == null) {
      if (properties.requiresKey(request.getMethod(), route.pattern())) {
        reject(request, response, HttpStatus.BAD_REQUEST, "IDEMPOTENCY_KEY_MISSING",
            "This endpoint requires an Idempotency-Key header.");
        return;
      }
      chain.doFilter(request, response);
      return;
    }
    String key = IdempotencyKeys.parse(header);
    if (key == null) {
      reject(request, response, HttpStatus.BAD_REQUEST, "INVALID_IDEMPOTENCY_KEY",
          "Idempotency-Key must be 1-255 printable ASCII characters, optionally quoted.");
      return;
    }
    String client = IdempotencyScope.of(request).orElse(null);
    if (client == null) {
      reject(request, response, HttpStatus.BAD_REQUEST, "IDEMPOTENCY_KEY_UNSCOPED",
          "An Idempotency-Key needs a caller to belong to: send it with a bearer token or in an"
              + " existing session.");
      return;
    }
    byte[] body;
    try {
      body = request.getInputStream().readAllBytes();
    } catch (IOException e) {
      if (!RequestBodyLimit.isCause(e)) {
        throw e;
      }
      reject(request, response, HttpStatus.CONTENT_TOO_LARGE, "CONTENT_TOO_LARGE",
          "The request body is larger than this endpoint accepts.");
      return;
    }
    String fingerprint = IdempotencyKeys.fingerprint(request.getMethod(), route.path(), body);
    var capture = new ContentCachingResponseWrapper(response);
    Decision decision;
    try {
      decision = keyedRequests.run(Isolation.DEFAULT, tx -> {
        capture.resetBuffer(); // a retried attempt starts without the body of the one it replaces
        if (!store.tryLock(client, key)) {
          return Decision.IN_FLIGHT;
        }
        var stored = store.find(client, key);
        if (stored.isPresent()) {
          return stored.get().fingerprint().equals(fingerprint)
              ? replay(stored.get(), capture)
              : Decision.MISMATCH;
        }
        run(chain, new CachedBodyRequest(request, body), capture);
        if (capture.getStatus() >= 400 || tx.isRollbackOnly()) {
          tx.setRollbackOnly(); // undo what the failed request started; no exception for it
          return capture.getStatus() < 500 ? Decision.STORE_AFTER_ROLLBACK : Decision.PASS;
        }
        store.save(client, key, toStored(fingerprint, capture));
        return Decision.PASS;
      });
    } catch (TransactionConflict conflict) {
      problems.write(request, response, conflict);
      return;
    }
    switch (decision) {
      case IN_FLIGHT -> {
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        reject(request, response, HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_IN_FLIGHT",
            "A request with this Idempotency-Key is still being processed.");
        return;
      }
      case MISMATCH -> {
        reject(request, response, HttpStatus.UNPROCESSABLE_CONTENT, "IDEMPOTENCY_KEY_REUSED",
            "This Idempotency-Key was used with a different request body.");
        return;
      }
      case STORE_AFTER_ROLLBACK -> transactions.executeWithoutResult(
          tx -> store.save(client, key, toStored(fingerprint, capture)));
      case REPLAYED, PASS -> {
        // the captured response is complete
      }
    }
    capture.copyBodyToResponse();
  }

  private static Decision replay(StoredResponse stored, ContentCachingResponseWrapper capture) {
    capture.setStatus(stored.status());
    stored.headers().forEach(capture::setHeader);
    capture.setHeader(REPLAYED, "true");
    try {
      capture.getOutputStream().write(stored.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Decision.REPLAYED;
  }

  private static void run(FilterChain chain, HttpServletRequest request,
      HttpServletResponse response) {
    try {
      chain.doFilter(request, response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ServletException e) {
      throw new IllegalStateException(e);
    }
  }

  private static StoredResponse toStored(String fingerprint,
      ContentCachingResponseWrapper capture) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String name : new String[]{HttpHeaders.LOCATION, HttpHeaders.CONTENT_TYPE}) {
      String value = capture.getHeader(name);
      if (value != null) {
        headers.put(name, value);
      }
    }
    return new StoredResponse(fingerprint, capture.getStatus(), headers,
        capture.getContentAsByteArray());
  }

  private void reject(HttpServletRequest request, HttpServletResponse response,
      HttpStatus status, String code, String detail) throws IOException {
    problems.write(request, response, ProblemDetail.forStatusAndDetail(status, detail), code);
  }

  private enum Decision {
    IN_FLIGHT, MISMATCH, REPLAYED, PASS, STORE_AFTER_ROLLBACK
  }
}
