package dev.fieldguide.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/** Who may use the lab without a token: a caller on this machine, never with {@code prod}. */
class LabAccessRulesTests {

  private static final AnonymousAuthenticationToken ANONYMOUS = new AnonymousAuthenticationToken(
      "key", "anonymous", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

  @Test
  void aCallerOnThisMachineNeedsNoTokenOutsideProd() {
    var local = new MockEnvironment();

    assertThat(granted(local, "127.0.0.1")).isTrue();
    assertThat(granted(local, "0:0:0:0:0:0:0:1")).isTrue();
    assertThat(granted(local, "203.0.113.7")).isFalse();
    assertThat(granted(local, "not-an-address")).isFalse();
  }

  @Test
  void withProdEvenACallerOnThisMachineNeedsAnAdmin() {
    var prod = new MockEnvironment();
    prod.setActiveProfiles("prod");

    assertThat(granted(prod, "127.0.0.1")).isFalse();
  }

  private static boolean granted(MockEnvironment environment, String remoteAddress) {
    var request = new MockHttpServletRequest("GET", "/lab");
    request.setRemoteAddr(remoteAddress);
    AuthorizationResult result = LabAccessRules.labUsers(environment)
        .authorize(() -> ANONYMOUS, new RequestAuthorizationContext(request));
    return result != null && result.isGranted();
  }
}
