package dev.fieldguide.orders.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The env-var check binds names the way Spring Boot does, so it accepts and rejects the same. */
class AppConfigurationTests {

  private final AppConfiguration app = AppConfiguration.load();

  @Test
  void bindsVariablesToPropertiesInApplicationYaml() {
    assertThat(app.propertyFor("SPRING_DATASOURCE_URL")).contains("spring.datasource.url");
    assertThat(app.propertyFor("FIELDGUIDE_CURSOR_SECRET")).contains("fieldguide.cursor.secret");
  }

  @Test
  void bindsDashedPropertiesInBothSpellings() {
    // Spring documents the dashes-removed form and still accepts dashes written as underscores.
    assertThat(app.propertyFor("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE"))
        .contains("spring.datasource.hikari.maximum-pool-size");
    assertThat(app.propertyFor("SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE"))
        .contains("spring.datasource.hikari.maximum-pool-size");
  }

  @Test
  void bindsSpringBootPropertiesTheAppDoesNotSet() {
    assertThat(app.propertyFor("SPRING_PROFILES_ACTIVE")).contains("spring.profiles.active");
    assertThat(app.propertyFor("SPRING_DATA_REDIS_PASSWORD"))
        .contains("spring.data.redis.password");
  }

  @Test
  void findsTyposAndVariablesNobodyReads() {
    assertThat(app.unread(List.of("SPRING_DATASOURCE_ULR", "SPRING_REDIS_HOST", "OTEL_SERVICE_NAME",
        "JAVA_TOOL_OPTIONS", "SPRING_DATA_REDIS_HOST")))
        .containsExactly("SPRING_DATASOURCE_ULR", "SPRING_REDIS_HOST");
  }
}
