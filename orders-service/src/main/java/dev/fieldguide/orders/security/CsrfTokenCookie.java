package dev.fieldguide.orders.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the browser its CSRF token: a read of the cookie-session resource sets the
 * {@code XSRF-TOKEN} cookie (Spring Security creates tokens lazily, so nothing else would), and
 * the page's script echoes it in {@code X-XSRF-TOKEN} on its writes. A forged cross-site form
 * carries the cookies but cannot read this one to copy it into the header.
 */
final class CsrfTokenCookie extends OncePerRequestFilter {

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"GET".equals(request.getMethod()) || !AccessRules.COOKIE_SESSION.matches(request);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
      token.getToken(); // loading it saves it: the repository writes the cookie
    }
    chain.doFilter(request, response);
  }
}
