package dev.fieldguide.orders.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/**
 * A persistence slice on the real PostgreSQL: JPA, the repositories, JDBC and Flyway, nothing of
 * the web, Redis or the jobs. It runs on this run's own database, the one {@link
 * LocalServicesSession} (or {@link ContainerServices}) gives the full integration tests, so
 * {@code replace = NONE}: an embedded stand-in would not have JSONB, GIN indexes or PostgreSQL's
 * planner. Flyway migrates it with the Java migrations too (the Quartz tables, V16), as the
 * service does, so either kind of test may be the first to meet the database. Each test runs in a
 * transaction that is rolled back; {@link StatementCounter} counts what it sends. The replica
 * routing is there too, as in the service.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@DataJpaTest(includeFilters = {
    @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = JavaMigration.class),
    // The replica routing, so @ReplicaRead finds its transaction manager; inside the test's own
    // transaction every read joins it, on the primary.
    @ComponentScan.Filter(type = FilterType.REGEX, pattern = "dev\\.fieldguide\\.orders\\.db\\.ReadReplicaRouting")})
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({ContainerServices.class, StatementCounter.class, TestData.class})
public @interface JpaSlice {}
