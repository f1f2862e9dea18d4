package dev.fieldguide.orders.shortlist;

import org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The session cookie is scoped to the shortlist: browsers send it only there, so no other request
 * makes Spring Session read Redis. (Namespace, repository type and timeout are Boot properties
 * under {@code spring.session}.)
 */
@Configuration(proxyBeanMethods = false)
class ShortlistSessionConfiguration {

  @Bean
  DefaultCookieSerializerCustomizer shortlistCookie() {
    return serializer -> serializer.setCookiePath(ShortlistController.PATH);
  }
}
