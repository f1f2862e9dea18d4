package dev.fieldguide.orders.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Seeds (or tops up) the demo data before the service reports ready; off in {@code prod} and in
 * tests, which create their own data.
 */
@Component
@ConditionalOnBooleanProperty("fieldguide.seed.enabled")
@EnableConfigurationProperties(DemoSeedProperties.class)
class DemoDataOnStartup implements ApplicationRunner {

  private final DemoDataSeeder seeder;
  private final DemoSeedProperties sizes;

  DemoDataOnStartup(DemoDataSeeder seeder, DemoSeedProperties sizes) {
    this.seeder = seeder;
    this.sizes = sizes;
  }

  @Override
  public void run(ApplicationArguments args) {
    seeder.seed(sizes.customers(), sizes.products(), sizes.orders());
  }
}
