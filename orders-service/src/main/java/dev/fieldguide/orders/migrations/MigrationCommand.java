package dev.fieldguide.orders.migrations;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateResult;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Runs Flyway from the built jar with the service's own Flyway configuration (application.yaml's
 * {@code spring.flyway.*} and the Java migration beans) and nothing else of the service, so
 * scripts and CI can migrate or validate a database without starting the API, the job workers or
 * the demo seed.
 *
 * <pre>
 * java -cp orders-service/target/orders-service-*-exec.jar \
 *   -Dloader.main=dev.fieldguide.orders.migrations.MigrationCommand \
 *   org.springframework.boot.loader.launch.PropertiesLauncher \
 *   validate-release --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/some_database
 * </pre>
 *
 * <p>{@code migrate} applies every pending migration; {@code validate-release} checks that every
 * migration the database has applied is still in the build, unchanged (see {@link
 * #releaseValidator}). Exits 0 on success, 1 when Flyway refuses, 64 on a usage error.
 */
public final class MigrationCommand {

  static final String MIGRATE = "migrate";
  static final String VALIDATE_RELEASE = "validate-release";

  private MigrationCommand() {}

  public static void main(String[] args) {
    System.exit(run(System.out, args));
  }

  /**
   * Runs the command named by the first argument (the rest are Spring Boot arguments) and reports
   * its outcome on {@code out}; returns the exit code.
   */
  static int run(PrintStream out, String... args) {
    if (args.length == 0 || !List.of(MIGRATE, VALIDATE_RELEASE).contains(args[0])) {
      System.err.println("usage: MigrationCommand migrate|validate-release"
          + " --spring.datasource.url=jdbc:postgresql://host:port/database [--spring.*=...]");
      return 64;
    }
    SpringApplication application = new SpringApplication(FlywayOnly.class);
    application.setWebApplicationType(WebApplicationType.NONE);
    application.setBannerMode(Banner.Mode.OFF);
    application.setLogStartupInfo(false);
    // Boot would migrate while the context starts; the command decides what to run instead.
    application.addInitializers(context -> context.getBeanFactory()
        .registerSingleton("migrateNothingOnStartup", (FlywayMigrationStrategy) flyway -> {
        }));
    try (ConfigurableApplicationContext context = application
        .run(Arrays.copyOfRange(args, 1, args.length))) {
      Flyway flyway = context.getBean(Flyway.class);
      return args[0].equals(MIGRATE) ? migrate(flyway, out) : validateRelease(flyway, out);
    }
  }

  /**
   * Flyway with the application's configuration, except that the only migrations it lets pass
   * unapplied-or-unresolved are pending ones (in the build, not yet in the database). Flyway's
   * default, {@code *:future}, also lets pass a migration the database has but the build lacks
   * when it is newer than every migration in the build, which is what deleting the newest
   * released migration looks like.
   */
  static Flyway releaseValidator(Flyway application) {
    var configuration = application.getConfiguration();
    return Flyway.configure(configuration.getClassLoader()).configuration(configuration)
        .ignoreMigrationPatterns("*:pending").load();
  }

  private static int migrate(Flyway flyway, PrintStream out) {
    MigrateResult result = flyway.migrate();
    String from = result.initialSchemaVersion == null ? "empty" : "V" + result.initialSchemaVersion;
    // Flyway reports no target when nothing was applied.
    String to = result.targetSchemaVersion == null ? from : "V" + result.targetSchemaVersion;
    out.printf("migrated %s from %s to %s: %d migrations applied%n", result.database, from, to,
        result.migrationsExecuted);
    return result.success ? 0 : 1;
  }

  private static int validateRelease(Flyway application, PrintStream out) {
    Flyway flyway = releaseValidator(application);
    ValidateResult result = flyway.validateWithResult();
    if (!result.validationSuccessful) {
      out.println("the released migrations of " + result.database
          + " are not the build's:\n  " + result.getAllErrorMessages().strip()
              .replace("\n", "\n  "));
      return 1;
    }
    MigrationInfoService info = flyway.info();
    MigrationInfo current = info.current();
    out.printf("validated %s: its %d applied migrations (up to V%s) are in the build,"
        + " unchanged; %d pending%n", result.database, info.applied().length,
        current == null ? "-" : current.getVersion(), info.pending().length);
    return 0;
  }

  /**
   * The data source, Flyway and the Java migrations found anywhere in the service: none of the
   * service's other beans. Not a {@code @Configuration}, so the service's own component scan
   * passes it by.
   */
  @ImportAutoConfiguration({DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
  @ComponentScan(basePackages = "dev.fieldguide.orders", useDefaultFilters = false, includeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = JavaMigration.class))
  static final class FlywayOnly {}
}
