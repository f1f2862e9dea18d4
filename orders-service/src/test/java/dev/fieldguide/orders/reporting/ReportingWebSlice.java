package dev.fieldguide.orders.reporting;

import dev.fieldguide.orders.support.WebSlice;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The reports' web slice: the admin-only daily sales controller on the web edge, with the real
 * range settings (application.yaml) and the report reader mocked.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebSlice(DailySalesController.class)
@Import(ReportingWebSlice.Settings.class)
@MockitoBean(types = DailySalesReport.class)
@interface ReportingWebSlice {

  /** The {@code fieldguide.reporting} settings, which the (absent) view bean enables. */
  @TestConfiguration(proxyBeanMethods = false)
  @EnableConfigurationProperties(ReportingProperties.class)
  class Settings {}
}
