package dev.fieldguide.lab;

import dev.fieldguide.orders.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Running a lab is an admin function: it writes orders, jobs and demo data. So the lab page, its
 * files and its runs ({@code /lab/**}) need an admin token, or a browser on this machine
 * ({@link LoopbackCallers}) unless the {@code prod} profile is active: the page opens without a
 * token where the lab is meant to run, a developer's machine. Added to the service's filter chain
 * as a {@code Customizer} bean, which Spring Security applies ahead of the service's own rules; the
 * stampede fixture's reads stay public, like the product reads they are, and the OFFSET order
 * pages are for admins, like the order list of every customer they are.
 */
@Configuration(proxyBeanMethods = false)
class LabAccessRules {

  @Bean
  Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> labsForAdmins(
      Environment environment) {
    AuthorizationManager<RequestAuthorizationContext> labUsers = labUsers(environment);
    return requests -> requests.requestMatchers(StampedeFixtures.PATH + "**").permitAll()
        .requestMatchers(OffsetPageFixture.PATH).hasRole(Roles.ADMIN)
        .requestMatchers("/lab", "/lab/**").access(labUsers);
  }

  /** Admins; and, unless the {@code prod} profile is active, anyone on this machine. */
  static AuthorizationManager<RequestAuthorizationContext> labUsers(Environment environment) {
    AuthorizationManager<RequestAuthorizationContext> admins = AuthorityAuthorizationManager
        .hasRole(Roles.ADMIN);
    return environment.matchesProfiles("prod")
        ? admins
        : AuthorizationManagers.anyOf(new LoopbackCallers(), admins);
  }
}
