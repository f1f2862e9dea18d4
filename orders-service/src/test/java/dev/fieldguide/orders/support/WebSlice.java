package dev.fieldguide.orders.support;

import dev.fieldguide.orders.audit.AuditLog;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A web slice: Spring MVC in a mock servlet environment with the application's whole web edge
 * ({@link WebEdge}: its filters, problem mapping, strict JSON and the production security filter
 * chain) and one feature's controllers, and no database, Redis or other feature bean. Each
 * feature package declares its slice once, as a composed annotation (e.g. {@code OrderWebSlice})
 * naming its controllers and mocking their collaborators with Mockito, so every slice class of a
 * package shares one cached context. {@link SliceCallers} stands in for verified tokens.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest(includeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = WebEdge.class))
// The audit log writes to PostgreSQL; the security chain's refusals and admin calls go to it.
@MockitoBean(types = AuditLog.class)
@Import(SliceCallers.class)
public @interface WebSlice {

  /** The controllers under test; the feature's, which are package-private. */
  @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
  Class<?>[] value();
}
