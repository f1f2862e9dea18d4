package dev.fieldguide.orders.jobs;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.stereotype.Component;

/**
 * Creates Quartz's JDBC job store tables from the DDL that ships inside the Quartz jar, so Flyway
 * owns them (versioned, applied once, in order) without a copy of the library's script in the repo.
 * The script's leading {@code DROP TABLE}s and trailing {@code COMMIT} are left out: Flyway runs the
 * rest inside its own transaction. Spring Boot hands this bean to Flyway as a Java migration.
 */
@Component
class V8__QuartzTables extends BaseJavaMigration {

  static final String SCRIPT = "org/quartz/impl/jdbcjobstore/tables_postgres.sql";

  @Override
  public void migrate(Context context) throws Exception {
    String ddl = new ClassPathResource(SCRIPT).getContentAsString(StandardCharsets.UTF_8).lines()
        .filter(line -> !line.startsWith("DROP TABLE") && !line.trim().equals("COMMIT;"))
        .collect(Collectors.joining("\n"));
    ScriptUtils.executeSqlScript(context.getConnection(),
        new ByteArrayResource(ddl.getBytes(StandardCharsets.UTF_8)));
  }
}
