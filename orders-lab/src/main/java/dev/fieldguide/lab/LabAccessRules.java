package dev.fieldguide.lab;

import dev.fieldguide.orders.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Running a lab is an admin function: it writes orders, jobs and demo data. Added to the
 * service's filter chain as a {@code Customizer} bean, which Spring Security applies ahead of the
 * service's own rules; the stampede fixture's reads stay public, like the product reads they are,
 * and the OFFSET order pages are for admins, like the order list of every customer they are.
 */
@Configuration(proxyBeanMethods = false)
class LabAccessRules {

  @Bean
  Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> labsForAdmins() {
    return requests -> requests.requestMatchers(StampedeFixtures.PATH + "**").permitAll()
        .requestMatchers(OffsetPageFixture.PATH).hasRole(Roles.ADMIN)
        .requestMatchers("/lab", LabRuns.PATH, LabRuns.PATH + "/**").hasRole(Roles.ADMIN);
  }
}
