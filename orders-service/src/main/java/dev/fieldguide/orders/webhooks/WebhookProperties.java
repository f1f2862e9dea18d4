package dev.fieldguide.orders.webhooks;

import dev.fieldguide.orders.jobs.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code fieldguide.webhooks.*}: who receives the order events, how long one attempt may take,
 * how failures back off before a delivery is dead, and how the worker claims its batches.
 *
 * @param claimLease how long a claimed delivery is hidden from other workers; a worker that dies
 *     mid-send leaves it to be claimed again after this, so it must outlast one attempt
 */
@ConfigurationProperties("fieldguide.webhooks")
record WebhookProperties(@DefaultValue List<Endpoint> endpoints,
    @DefaultValue("2s") Duration connectTimeout, @DefaultValue("5s") Duration readTimeout,
    @DefaultValue("8") int maxAttempts, @DefaultValue("1m") Duration firstRetry,
    @DefaultValue("1h") Duration maxRetry, @DefaultValue("0.5") double jitter,
    @DefaultValue("20") int batchSize, @DefaultValue("1m") Duration claimLease) {

  WebhookProperties {
    endpoints = List.copyOf(endpoints);
    if (claimLease.compareTo(connectTimeout.plus(readTimeout)) <= 0) {
      throw new IllegalArgumentException("fieldguide.webhooks.claim-lease must outlast one attempt"
          + " (connect-timeout + read-timeout), or a second worker sends while the first waits");
    }
    if (new HashSet<>(endpoints.stream().map(Endpoint::name).toList()).size() != endpoints.size()) {
      throw new IllegalArgumentException("fieldguide.webhooks.endpoints need distinct names");
    }
  }

  /** Attempts, backoff and jitter as the retry policy the jobs use (C3). */
  RetryPolicy retryPolicy() {
    return new RetryPolicy(maxAttempts, firstRetry, maxRetry, jitter);
  }

  /**
   * One subscriber. Its deliveries are recorded under {@code name}, so its URL or secret can
   * change without losing the ones still pending.
   *
   * @param secret {@code whsec_} and the base64 of at least 24 random bytes (Standard Webhooks)
   */
  record Endpoint(String name, URI url, String secret) {

    Endpoint {
      if (name == null || name.isBlank() || url == null || secret == null) {
        throw new IllegalArgumentException("a webhook endpoint needs a name, a url and a secret");
      }
      WebhookSignature.key(secret); // a malformed secret fails at startup, not at the first send
    }

    @Override
    public String toString() {
      return "Endpoint[name=" + name + ", url=" + url + "]"; // never the secret
    }
  }
}
