package dev.fieldguide.lab;

import dev.fieldguide.orders.web.ClientAddress;
import java.net.InetAddress;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Grants a request that comes from this machine: a browser on the developer's own machine opens
 * the lab page without a token. The address is the one Tomcat settled on: behind a proxy it
 * trusts (loopback only, {@code server.tomcat.remoteip.internal-proxies}) the client it forwards
 * for, so a proxy on this host does not turn a remote caller into a local one. The Host header
 * has already been checked against the allowed hosts (security.AllowedHosts), which stops a DNS
 * rebinding page from posing as this origin.
 */
final class LoopbackCallers implements AuthorizationManager<RequestAuthorizationContext> {

  @Override
  public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
      RequestAuthorizationContext context) {
    boolean local = ClientAddress.of(context.getRequest()).map(InetAddress::ofLiteral)
        .map(InetAddress::isLoopbackAddress).orElse(false);
    return new AuthorizationDecision(local);
  }
}
