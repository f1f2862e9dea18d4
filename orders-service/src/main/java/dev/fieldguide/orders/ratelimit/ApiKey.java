package dev.fieldguide.orders.ratelimit;

import org.jspecify.annotations.Nullable;

/**
 * A registered, unrevoked API key, as a request that presented it is counted: by its owner, and
 * under its own policy when it names one (else the policy of the request's path).
 */
record ApiKey(long id, String owner, @Nullable String policy) {}
