package dev.fieldguide.orders.idempotency;

import dev.fieldguide.orders.db.TransactionRetry;
import dev.fieldguide.orders.web.FilterOrder;
import dev.fieldguide.orders.web.ProblemResponseWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.HandlerMapping;

/** The {@code Idempotency-Key} filter at its place in the chain: after authentication and limits. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdempotencyProperties.class)
class IdempotencyConfiguration {

  @Bean
  FilterRegistrationBean<IdempotencyKeyFilter> idempotencyKeyFilter(IdempotencyKeyStore store,
      IdempotencyProperties properties, TransactionRetry keyedRequests,
      TransactionTemplate transactions, ProblemResponseWriter problems,
      ObjectProvider<HandlerMapping> handlerMappings) {
    return FilterOrder.IDEMPOTENCY.register(new IdempotencyKeyFilter(store, properties,
        keyedRequests, transactions, problems, new MvcRoutes(handlerMappings)));
  }

  @Bean
  IdempotencyKeyDocs idempotencyKeyDocs(IdempotencyProperties properties) {
    return new IdempotencyKeyDocs(properties);
  }
}
