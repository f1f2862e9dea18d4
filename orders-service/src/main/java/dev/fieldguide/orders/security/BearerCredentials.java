package dev.fieldguide.orders.security;

import io.grpc.CallCredentials;
import io.grpc.Metadata;
import java.util.concurrent.Executor;

/** A gRPC client's bearer token, sent as {@code authorization} metadata on every call. */
public final class BearerCredentials extends CallCredentials {

  private final String token;

  public BearerCredentials(String token) {
    this.token = token;
  }

  @Override
  public void applyRequestMetadata(RequestInfo request, Executor executor, MetadataApplier apply) {
    Metadata headers = new Metadata();
    headers.put(GrpcTokenAuthentication.AUTHORIZATION, "Bearer " + token);
    apply.apply(headers);
  }
}
