package dev.fieldguide.orders.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The env-var check binds names the way Spring Boot does, so it accepts and rejects the same. */
class AppConfigurationTests {

  private final AppConfiguration app = AppConfiguration.load();

  @ParameterizedTest(name = "{0} binds to {1}")
  @CsvSource(textBlock = """
      # Properties in application.yaml
      SPRING_DATASOURCE_URL,                      spring.datasource.url
      FIELDGUIDE_CURSOR_SECRET,                   fieldguide.cursor.secret
      # A dashed property: Spring documents the dashes removed, and accepts them as underscores
      SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE,   spring.datasource.hikari.maximum-pool-size
      SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE, spring.datasource.hikari.maximum-pool-size
      # Spring Boot properties the app does not set
      SPRING_PROFILES_ACTIVE,                     spring.profiles.active
      SPRING_DATA_REDIS_PASSWORD,                 spring.data.redis.password
      """)
  void bindsAVariableToThePropertySpringBootBindsItTo(String variable, String property) {
    assertThat(app.propertyFor(variable)).contains(property);
  }

  @Test
  void findsTyposAndVariablesNobodyReads() {
    assertThat(app.unread(List.of("SPRING_DATASOURCE_ULR", "SPRING_REDIS_HOST", "OTEL_SERVICE_NAME",
        "JAVA_TOOL_OPTIONS", "SPRING_DATA_REDIS_HOST")))
        .containsExactly("SPRING_DATASOURCE_ULR", "SPRING_REDIS_HOST");
  }
}
