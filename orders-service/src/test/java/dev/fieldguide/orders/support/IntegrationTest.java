package dev.fieldguide.orders.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import dev.fieldguide.fixtures.Fixtures;
import dev.fieldguide.orders.orders.DomainEventListeners;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test against the whole service on real PostgreSQL and Redis, with the shared fixtures
 * (fixture tasks and routes, the wrong-way variants) registered beside it. Every class with this
 * exact annotation shares one cached Spring context, so the suite starts the service once.
 *
 * <p>Read as pytest fixtures, by scope:
 * <ul>
 *   <li>session: the run's database and Redis index ({@link LocalServicesSession}, a JUnit
 *       launcher-session listener: opened before the first test class, dropped after the last)
 *       and the Spring context built on them (cached, so shared by every class);
 *   <li>class: a test class's {@code @BeforeAll} (with {@code @TestInstance(PER_CLASS)} where it
 *       needs beans);
 *   <li>function: the beans a test autowires ({@link TestData}, {@link Api}...) and the parameters
 *       a test method declares: a {@link TestClock} ({@link TestClockExtension}, reset after each
 *       test) and a {@link java.util.random.RandomGenerator} ({@link SeededRandom}).
 * </ul>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({Fixtures.class, ContainerServices.class, StatementCounter.class, Api.class,
    TestData.class, TestClock.class, SecondInstance.class, SpanCapture.class, EventDelivery.class,
    DomainEventListeners.class})
@ExtendWith({TestClockExtension.class, SeededRandom.class})
public @interface IntegrationTest {}
