package dev.fieldguide.orders.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import dev.fieldguide.fixtures.Fixtures;
import dev.fieldguide.orders.orders.DomainEventListeners;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test against the whole service on real PostgreSQL and Redis, with the shared fixtures
 * (fixture tasks and routes, the wrong-way variants) registered beside it. Every class with this
 * exact annotation shares one cached Spring context, so the suite starts the service once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({Fixtures.class, ContainerServices.class, StatementCounter.class, Api.class,
    TestData.class, SecondInstance.class, SpanCapture.class, EventDelivery.class,
    DomainEventListeners.class})
public @interface IntegrationTest {}
