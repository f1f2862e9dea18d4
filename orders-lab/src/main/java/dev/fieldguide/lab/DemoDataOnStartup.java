package dev.fieldguide.lab;

import dev.fieldguide.fixtures.demo.DemoDataSeeder;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Seeds (or tops up) the demo data before the service reports ready; off in tests, which create
 * their own data, and in the worker role: with the roles apart, the api process seeds.
 */
@Component
@ConditionalOnExpression("${fieldguide.seed.enabled:false} and '${fieldguide.role}' != 'worker'")
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
