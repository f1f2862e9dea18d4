package dev.fieldguide.orders.migrations;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.ValidateResult;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Where migrations run before the rollout (Kubernetes' migrate Job), the service applies none at
 * start-up: a long backfill or a {@code CREATE INDEX CONCURRENTLY} under a startup probe could be
 * killed half-way. It still refuses to run on a schema it does not know: Flyway's validate fails
 * while a migration this build ships is not applied (pending), and lets pass one the database has
 * and the build lacks when it is newer than all of the build's (Flyway's default {@code
 * ignoreMigrationPatterns}, {@code *:future}): a newer release's expand step during a rolling
 * deploy, which the old release's code is written to tolerate.
 */
@Component
@ConditionalOnProperty(name = "fieldguide.migrations.on-startup", havingValue = "validate")
final class SchemaValidationOnStartup implements FlywayMigrationStrategy {

  @Override
  public void migrate(Flyway flyway) {
    ValidateResult result = flyway.validateWithResult();
    if (!result.validationSuccessful) {
      throw new IllegalStateException(("The schema of %s is not this build's, and migrations do"
          + " not run at start-up here (fieldguide.migrations.on-startup=validate): run the"
          + " migrate Job first (docs/deployment.md).%n  %s").formatted(result.database,
              result.getAllErrorMessages().strip().replace("\n", "\n  ")));
    }
  }
}
