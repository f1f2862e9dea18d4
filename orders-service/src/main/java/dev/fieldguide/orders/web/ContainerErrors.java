package dev.fieldguide.orders.web;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Puts the container's own answers under the error model: {@link ProblemReportValve} instead of
 * Tomcat's {@code ErrorReportValve}, and {@link Http09Refusal} in front of everything. Runs after
 * Boot's customizer, which adds a plain {@code ErrorReportValve} that this one takes out.
 */
@Component
class ContainerErrors
    implements
      WebServerFactoryCustomizer<TomcatServletWebServerFactory>,
      Ordered {

  private final ProblemResponseWriter problems;

  ContainerErrors(ProblemResponseWriter problems) {
    this.problems = problems;
  }

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(context -> {
      Host host = (Host) context.getParent();
      for (Valve valve : host.getPipeline().getValves()) {
        if (valve instanceof ErrorReportValve) {
          host.getPipeline().removeValve(valve);
        }
      }
      // The host adds an error valve of this class at start when it finds none: ours is one.
      ((StandardHost) host).setErrorReportValveClass(ProblemReportValve.class.getName());
      host.getPipeline().addValve(new Http09Refusal());
      host.getPipeline().addValve(new ProblemReportValve(problems));
    });
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
