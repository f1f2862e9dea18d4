package dev.fieldguide.orders.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

/**
 * Callers for a {@link WebSlice}: the token a caller would present, already verified. Spring
 * Security's {@code jwt()} puts it in place of the bearer filter's work (signature, expiry,
 * issuer and audience are {@code security}'s integration tests' business), and the production
 * {@link JwtAuthenticationConverter} turns its {@code roles} into authorities, so the filter
 * chain's role rules decide exactly as they do in production.
 */
@TestComponent
public class SliceCallers {

  private final JwtAuthenticationConverter roles;

  SliceCallers(JwtAuthenticationConverter roles) {
    this.roles = roles;
  }

  public JwtRequestPostProcessor admin() {
    return caller("slice-admin", List.of("admin"), null);
  }

  public JwtRequestPostProcessor customer(long customerId) {
    return caller("customer-" + customerId, List.of("customer"), customerId);
  }

  private JwtRequestPostProcessor caller(String subject, List<String> roleNames,
      @Nullable Long customerId) {
    return jwt().jwt(token -> {
      token.subject(subject).claim("roles", roleNames);
      if (customerId != null) {
        token.claim("customer_id", customerId);
      }
    }).authorities(token -> Objects.requireNonNull(roles.convert(token)).getAuthorities());
  }
}
