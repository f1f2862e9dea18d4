package dev.fieldguide.orders.security;

import java.util.Set;

/** The roles of the API, as they appear in a token's {@code roles} claim. */
public final class Roles {

  /** Places and reads its own orders. */
  public static final String CUSTOMER = "customer";
  /** Edits the catalogue, re-drives jobs and dead events, reads reports and the audit log. */
  public static final String ADMIN = "admin";

  /**
   * Another service of ours, calling the internal gRPC stock service (client credentials at the
   * identity provider); it has no business in the HTTP API.
   */
  public static final String SERVICE = "service";

  static final Set<String> ALL = Set.of(CUSTOMER, ADMIN, SERVICE);

  private Roles() {}
}
