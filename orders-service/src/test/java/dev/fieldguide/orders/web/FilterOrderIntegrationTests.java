package dev.fieldguide.orders.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.support.IntegrationTest;
import jakarta.servlet.Filter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.AbstractFilterRegistrationBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;

/**
 * The running application registers its servlet filters exactly where {@link FilterOrder} lists
 * them, Spring Security's chain included, and no filter of ours reaches the container any other
 * way (a bare {@code @Component} filter would sit wherever its default order puts it).
 */
@IntegrationTest
class FilterOrderIntegrationTests {

  private static final String SECURITY_CHAIN = "springSecurityFilterChain";

  @Autowired
  ListableBeanFactory beans;

  @Test
  void eachFilterIsRegisteredAtItsListedPlace() {
    Map<String, Integer> registered = filterRegistrations().stream()
        .collect(Collectors.toMap(AbstractFilterRegistrationBean::getFilterName,
            AbstractFilterRegistrationBean::getOrder));

    for (FilterOrder filter : FilterOrder.values()) {
      String name = filter == FilterOrder.SECURITY ? SECURITY_CHAIN : filter.filterName();
      assertThat(registered).as(filter + " registered as " + name)
          .containsEntry(name, filter.order());
    }
  }

  @Test
  void theListIsTheOrderRequestsMeetTheFilters() {
    List<Integer> orders = Arrays.stream(FilterOrder.values()).map(FilterOrder::order).toList();

    assertThat(orders).isSortedAccordingTo(Integer::compare).doesNotHaveDuplicates();
  }

  @Test
  void everyFilterOfOursIsRegisteredThroughTheList() {
    List<String> listed = Arrays.stream(FilterOrder.values()).map(FilterOrder::filterName)
        .toList();
    List<String> ours = filterRegistrations().stream()
        .filter(registration -> registration instanceof FilterRegistrationBean<?> plain
            && isOurs(plain.getFilter()))
        .map(AbstractFilterRegistrationBean::getFilterName).toList();
    List<String> bareFilterBeans = beans.getBeansOfType(Filter.class).values().stream()
        .filter(FilterOrderIntegrationTests::isOurs).map(f -> f.getClass().getName()).toList();

    assertThat(ours).isNotEmpty().allSatisfy(name -> assertThat(listed).contains(name));
    assertThat(bareFilterBeans).as("filters registered by component scan").isEmpty();
  }

  /** Every filter registration handed to the servlet container, Spring Security's included. */
  private List<AbstractFilterRegistrationBean<?>> filterRegistrations() {
    return beans.getBeansOfType(ServletContextInitializer.class).values().stream()
        .<AbstractFilterRegistrationBean<?>>mapMulti((initializer, out) -> {
          if (initializer instanceof AbstractFilterRegistrationBean<?> registration) {
            out.accept(registration);
          }
        }).toList();
  }

  private static boolean isOurs(@Nullable Object filter) {
    return filter != null && filter.getClass().getName().startsWith("dev.fieldguide.orders.");
  }
}
