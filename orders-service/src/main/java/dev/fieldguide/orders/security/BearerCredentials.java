package dev.fieldguide.orders.security;

import io.grpc.CallCredentials;
import io.grpc.Metadata;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** A gRPC client's bearer token, sent as {@code authorization} metadata on every call. */
public final class BearerCredentials extends CallCredentials {

  private final Supplier<String> token;

  /** Sends {@code token} on every call. */
  public BearerCredentials(String token) {
    this(() -> token);
  }

  /** Asks {@code token} for the token on every call, for callers that renew theirs. */
  public BearerCredentials(Supplier<String> token) {
    this.token = token;
  }

  @Override
  public void applyRequestMetadata(RequestInfo request, Executor executor, MetadataApplier apply) {
    Metadata headers = new Metadata();
    headers.put(GrpcTokenAuthentication.AUTHORIZATION, "Bearer " + token.get());
    apply.apply(headers);
  }
}
