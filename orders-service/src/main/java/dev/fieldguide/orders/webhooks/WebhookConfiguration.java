package dev.fieldguide.orders.webhooks;

import dev.fieldguide.orders.outbox.PollingLoop;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Wires recording and sending to {@code fieldguide.webhooks.*}, on the system clock, and runs the
 * dispatcher on its own polling loop where {@code fieldguide.webhooks.worker.enabled} (the worker
 * role; off in the api role and in tests, which call {@code dispatchOnce()} themselves).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookConfiguration {

  @Bean
  WebhookDeliveries webhookDeliveries(JdbcClient jdbc, WebhookProperties properties) {
    return new WebhookDeliveries(jdbc,
        properties.endpoints().stream().map(WebhookProperties.Endpoint::name).toList(),
        Clock.systemUTC());
  }

  @Bean
  WebhookClient webhookClient(WebhookProperties properties, ObservationRegistry observations) {
    return new WebhookClient(properties.connectTimeout(), properties.readTimeout(), observations);
  }

  @Bean
  WebhookDispatcher webhookDispatcher(JdbcClient jdbc, WebhookClient client,
      WebhookProperties properties, MeterRegistry meters) {
    // ThreadLocalRandom is to be reached through current() on the thread that draws (its
    // javadoc), and each attempt runs on a new virtual thread: so each draw asks there.
    RandomGenerator perThread = () -> ThreadLocalRandom.current().nextLong();
    return new WebhookDispatcher(jdbc, client, properties, Clock.systemUTC(), perThread, meters);
  }

  @Bean
  @ConditionalOnBooleanProperty(name = "fieldguide.webhooks.worker.enabled", matchIfMissing = true)
  PollingLoop webhookDispatchLoop(WebhookDispatcher dispatcher,
      @Value("${fieldguide.webhooks.poll-interval:PT1S}") Duration pollInterval) {
    return new PollingLoop("webhook-dispatch", dispatcher::dispatchOnce, pollInterval);
  }
}
