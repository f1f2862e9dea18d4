package dev.fieldguide.orders.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldguide.orders.support.IntegrationTest;
import dev.fieldguide.orders.support.SecondInstance;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.pattern.ValidatePattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * With migrations off at start-up ({@code fieldguide.migrations.on-startup=validate}, as in
 * Kubernetes, where the migrate Job runs them before the rollout) the service refuses a schema
 * that lacks one of its migrations, and starts on one a newer release has already expanded.
 */
@IntegrationTest
class StartupSchemaValidationIntegrationTests {

  private static final String[] MIGRATIONS_OFF = {"--fieldguide.migrations.on-startup=validate",
      "--spring.quartz.scheduler-name=field-guide-schema-check",
      "--spring.quartz.auto-startup=false"};

  @Autowired
  Flyway flyway;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  JdbcConnectionDetails database;

  @Autowired
  RedissonClient redisson;

  private ScratchDatabases scratch;

  @BeforeEach
  void scratchDatabases() {
    scratch = new ScratchDatabases(jdbc, database, flyway);
  }

  @AfterEach
  void dropScratchDatabases() {
    scratch.dropAll();
  }

  @Test
  void refusesToStartWhileTheBuildsLatestMigrationIsNotApplied() {
    MigrationInfo[] applied = flyway.info().applied();
    MigrationVersion latest = applied[applied.length - 1].getVersion();
    MigrationVersion previous = applied[applied.length - 2].getVersion();
    String url = scratch.create("behind");
    scratch.flyway(url, previous).migrate();

    assertThatThrownBy(() -> start(url).close())
        .rootCause().isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is not this build's")
        .hasMessageContaining("run the migrate Job first")
        .hasMessageContaining("Detected resolved migration not applied to database: "
            + latest.getVersion());
    assertThat(scratch.flyway(url, MigrationVersion.LATEST).info().pending())
        .as("nothing migrated by the refused start").extracting(MigrationInfo::getVersion)
        .containsExactly(latest);
  }

  @Test
  void startsOnASchemaANewerReleaseHasAlreadyExpanded() {
    String url = scratch.create("ahead");
    Flyway thisBuild = scratch.flyway(url, MigrationVersion.LATEST);
    thisBuild.migrate();
    String[] locations = Stream.concat(
        Arrays.stream(thisBuild.getConfiguration().getLocations()).map(Object::toString),
        Stream.of("classpath:db/next-release")).toArray(String[]::new);
    Flyway.configure().configuration(thisBuild.getConfiguration()).locations(locations).load()
        .migrate();

    assertThat(Arrays.stream(thisBuild.getConfiguration().getIgnoreMigrationPatterns())
        .map(ValidatePattern::toString)).as("Flyway's default: a newer release's migrations pass")
        .containsExactly("*:future");
    try (ConfigurableApplicationContext started = start(url)) {
      assertThat(started.isRunning()).isTrue();
      assertThat(Objects.requireNonNull(thisBuild.info().current()).getVersion())
          .as("the schema's version: the next release's").isEqualTo(MigrationVersion
              .fromVersion("9000"));
    }
  }

  private ConfigurableApplicationContext start(String url) {
    return SecondInstance.startService(url, database, redisson, MIGRATIONS_OFF);
  }
}
