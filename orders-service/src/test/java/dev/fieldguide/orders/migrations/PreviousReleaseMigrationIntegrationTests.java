package dev.fieldguide.orders.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldguide.orders.migrations.TableDigests.Digest;
import dev.fieldguide.orders.migrations.TableDigests.Table;
import dev.fieldguide.orders.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * T5 — deploying this build over the last release: the release's schema snapshot ({@code
 * db/releases/}, recorded by {@code scripts/record-release-schema.sh}) is restored into a scratch
 * database, filled with rows as that release writes them, and migrated to this build's head with
 * the application's Flyway configuration. Every row comes through unchanged; a released migration
 * that was edited since, or is missing from the build, is refused before anything runs.
 */
@IntegrationTest
class PreviousReleaseMigrationIntegrationTests {

  private static final Logger log = LoggerFactory
      .getLogger(PreviousReleaseMigrationIntegrationTests.class);

  static final int ORDERS = 3_000;
  /** Grows by a row per applied migration; Flyway's validate is what checks its released rows. */
  static final String HISTORY = "flyway_schema_history";
  /** Quartz's tables for features the service does not use: calendars, paused groups, ... */
  static final Set<String> LEFT_EMPTY = Set.of("qrtz_blob_triggers", "qrtz_calendars",
      "qrtz_paused_trigger_grps", "qrtz_simprop_triggers");

  @Autowired
  Flyway flyway;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  JdbcConnectionDetails database;

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
  void theLastReleaseWithItsRowsMigratesToHeadAndEveryRowComesThroughUnchanged()
      throws Exception {
    String url = restoredRelease("release");
    Map<String, Table> releaseTables;
    Map<String, Digest> before;
    try (Connection connection = scratch.connect(url)) {
      ReleaseData.insert(connection, ORDERS);
      releaseTables = TableDigests.tables(connection);
      releaseTables.remove(HISTORY);
      before = TableDigests.of(connection, releaseTables.values());
    }
    Flyway toHead = scratch.flyway(url, MigrationVersion.LATEST);
    MigrationVersion release = currentVersion(toHead);
    // Empty while the build's head is the release; the migrations of the next one as they come.
    List<String> pending = Arrays.stream(toHead.info().pending())
        .map(migration -> migration.getVersion().getVersion()).toList();

    MigrateResult result = toHead.migrate();

    log.info("Release {} (V{}) to this build's head (V{}): {} pending migrations applied {};"
        + " {} rows in {} tables", releaseSnapshot().getFileName(), release,
        currentVersion(toHead), pending.size(), pending,
        before.values().stream().mapToLong(Digest::rows).sum(), before.size());
    assertThat(toHead.getConfiguration().isValidateOnMigrate()).as("validate on migrate")
        .isTrue();
    assertThat(result.success).isTrue();
    assertThat(result.migrations).extracting(migration -> migration.version)
        .as("applied: every migration pending on the release, in order")
        .containsExactlyElementsOf(pending);
    assertThat(pending).as("pending migrations are newer than the release")
        .allSatisfy(version -> assertThat(MigrationVersion.fromVersion(version))
            .isGreaterThan(release));
    assertThat(toHead.info().pending()).isEmpty();
    assertThat(currentVersion(toHead)).as("the schema's version: this build's head")
        .isEqualTo(currentVersion(flyway));
    try (Connection connection = scratch.connect(url)) {
      assertThat(gone(releaseTables, TableDigests.tables(connection)))
          .as("tables and columns of the release that are gone").isEmpty();
      assertThat(TableDigests.of(connection, releaseTables.values()))
          .as("rows per table, and an md5 over the release's columns of each row")
          .containsExactlyEntriesOf(before);
    }
    assertThat(Objects.requireNonNull(before.get("orders")).rows()).isEqualTo(ORDERS);
    assertThat(before.entrySet().stream().filter(table -> table.getValue().rows() == 0)
        .map(Map.Entry::getKey)).as("tables of the release that ReleaseData leaves empty")
        .containsExactlyInAnyOrderElementsOf(LEFT_EMPTY);
  }

  @Test
  void anEditedReleasedMigrationIsRefusedBeforeAnyMigrationRuns() throws Exception {
    String url = restoredRelease("edited");
    try (Connection connection = scratch.connect(url);
        Statement statement = connection.createStatement()) {
      // What editing V1__orders_schema.sql after its release does: the file's checksum is no
      // longer the one every production database recorded when it ran V1.
      statement.executeUpdate("UPDATE " + HISTORY
          + " SET checksum = checksum + 1 WHERE version = '1'");
    }
    long recorded = historyRows(url);

    assertThatThrownBy(() -> scratch.flyway(url, MigrationVersion.LATEST).migrate())
        .isInstanceOf(FlywayValidateException.class)
        .hasMessageContaining("Migration checksum mismatch for migration version 1");
    Command validation = validateRelease(url);

    assertThat(validation.exitCode()).isOne();
    assertThat(validation.output())
        .contains("Migration checksum mismatch for migration version 1");
    assertThat(historyRows(url)).as("migrations recorded after the refusal").isEqualTo(recorded);
  }

  @Test
  void releaseValidationAsCiRunsItPassesOnTheUnchangedRelease() throws Exception {
    String url = restoredRelease("validated");

    Command validation = validateRelease(url);

    assertThat(validation.exitCode()).as(validation.output()).isZero();
    assertThat(validation.output()).contains("are in the build, unchanged");
  }

  @Test
  void releaseValidationRefusesABuildThatLacksOneOfTheReleasedMigrations(@TempDir Path build)
      throws Exception {
    String url = restoredRelease("removed");
    String newest;
    try (Connection connection = scratch.connect(url);
        Statement statement = connection.createStatement();
        var rows = statement.executeQuery("SELECT version, script FROM " + HISTORY
            + " WHERE type = 'SQL' ORDER BY installed_rank DESC LIMIT 1")) {
      rows.next();
      newest = rows.getString(1);
      // The release's newest SQL migration deleted from (a copy of) this build's migrations.
      copyMigrationsExcept(rows.getString(2), build);
    }

    Command validation = validateRelease(url,
        "--spring.flyway.locations=filesystem:" + build);

    assertThat(validation.exitCode()).as(validation.output()).isOne();
    assertThat(validation.output())
        .contains("Detected applied migration not resolved locally: " + newest);
  }

  /** A scratch database with the last release's snapshot restored into it. */
  private String restoredRelease(String purpose) throws Exception {
    String url = scratch.create(purpose);
    scratch.restore(url, releaseSnapshot());
    return url;
  }

  /** The only file in {@code db/releases}: the last release's. */
  static Path releaseSnapshot() throws Exception {
    Path releases = classpathDirectory("db/releases");
    try (Stream<Path> files = Files.list(releases)) {
      List<Path> snapshots = files.filter(file -> file.toString().endsWith(".sql")).toList();
      assertThat(snapshots).as("snapshots in " + releases + ": the last release's only")
          .hasSize(1);
      return snapshots.getFirst();
    }
  }

  private static void copyMigrationsExcept(String script, Path target) throws Exception {
    try (Stream<Path> files = Files.list(classpathDirectory("db/migration"))) {
      for (Path file : files.toList()) {
        if (!file.getFileName().toString().startsWith(script)) { // the script and its .conf
          Files.copy(file, target.resolve(file.getFileName()));
        }
      }
    }
  }

  private static Path classpathDirectory(String name) throws URISyntaxException {
    return Path.of(Objects.requireNonNull(PreviousReleaseMigrationIntegrationTests.class
        .getClassLoader().getResource(name), name + " on the classpath").toURI());
  }

  /** {@code validate-release} of the built jar's {@link MigrationCommand}, run in this JVM. */
  private Command validateRelease(String url, String... arguments) {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    List<String> command = new ArrayList<>(List.of(MigrationCommand.VALIDATE_RELEASE,
        "--spring.datasource.url=" + url,
        "--spring.datasource.username=" + database.getUsername(),
        "--spring.datasource.password=" + Objects.requireNonNullElse(database.getPassword(), "")));
    command.addAll(List.of(arguments));
    int exitCode = MigrationCommand.run(new PrintStream(output, true, StandardCharsets.UTF_8),
        command.toArray(String[]::new));
    return new Command(exitCode, output.toString(StandardCharsets.UTF_8));
  }

  private static MigrationVersion currentVersion(Flyway flyway) {
    return Objects.requireNonNull(flyway.info().current(), "no migration applied").getVersion();
  }

  private long historyRows(String url) throws SQLException {
    try (Connection connection = scratch.connect(url);
        Statement statement = connection.createStatement();
        var rows = statement.executeQuery("SELECT count(*) FROM " + HISTORY)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** The tables, and the columns of tables still there, that {@code after} no longer has. */
  private static List<String> gone(Map<String, Table> before, Map<String, Table> after) {
    List<String> gone = new ArrayList<>();
    before.forEach((name, table) -> {
      Table now = after.get(name);
      if (now == null) {
        gone.add(name);
      } else {
        table.columns().stream().filter(column -> !now.columns().contains(column))
            .forEach(column -> gone.add(name + "." + column));
      }
    });
    return gone;
  }

  private record Command(int exitCode, String output) {}
}
