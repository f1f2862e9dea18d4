package dev.fieldguide.orders.security;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

/**
 * The gRPC side of A4: an internal service is still not an open one. Every call must carry a
 * bearer token that passes the same checks as the HTTP API's (keys by kid, expiry, issuer,
 * audience, claims) and holds the {@code service} role; otherwise it is closed with
 * UNAUTHENTICATED or PERMISSION_DENIED before any handler runs. Just inside the call metrics, so
 * refusals are counted too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class GrpcTokenAuthentication implements ServerInterceptor {

  static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization",
      Metadata.ASCII_STRING_MARSHALLER);
  private static final String BEARER = "Bearer ";
  private static final Logger log = LoggerFactory.getLogger(GrpcTokenAuthentication.class);

  private final JwtDecoder tokens;

  GrpcTokenAuthentication(JwtDecoder tokens) {
    this.tokens = tokens;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    String header = headers.get(AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return refuse(call, Status.UNAUTHENTICATED.withDescription("A bearer token is required."));
    }
    Jwt token;
    try {
      token = tokens.decode(header.substring(BEARER.length()));
    } catch (JwtException e) {
      log.info("gRPC call {} refused: {}", call.getMethodDescriptor().getFullMethodName(),
          e.getMessage());
      return refuse(call, Status.UNAUTHENTICATED.withDescription("The bearer token is invalid."));
    }
    List<String> roles = token.getClaimAsStringList(TokenClaims.ROLES);
    if (roles == null || !roles.contains(Roles.SERVICE)) {
      return refuse(call, Status.PERMISSION_DENIED
          .withDescription("The stock service is for internal services only."));
    }
    return next.startCall(call, headers);
  }

  private static <Q, R> ServerCall.Listener<Q> refuse(ServerCall<Q, R> call, Status status) {
    call.close(status, new Metadata());
    return new ServerCall.Listener<>() {};
  }
}
