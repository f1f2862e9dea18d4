package dev.fieldguide.orders.db;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the database creator early enough to run before the data source exists. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

  @Bean
  static MissingDatabaseCreator missingDatabaseCreator() {
    return new MissingDatabaseCreator();
  }
}
