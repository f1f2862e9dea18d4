package dev.fieldguide.orders.observability;

import dev.fieldguide.orders.web.FilterOrder;
import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers {@link HealthProbes} on the API's port, when the actuator is served there too. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnManagementPort(ManagementPortType.SAME)
class HealthProbesConfiguration {

  @Bean
  FilterRegistrationBean<HealthProbes> healthProbes(HealthEndpoint health,
      HealthEndpointGroups groups) {
    return FilterOrder.PROBES.register(new HealthProbes(health, groups));
  }
}
