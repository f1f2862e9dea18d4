package dev.fieldguide.orders.support;

import java.util.Set;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.TypeFilter;
import org.springframework.stereotype.Controller;

/**
 * The components a {@link WebSlice} takes from the application's scan on top of Spring MVC's own:
 * every component of the {@code web} and {@code security} packages but their controllers (filters,
 * exception handler, strict JSON, cursors, the security filter chain and token verification).
 * Taken by package, not by name, so a filter added there is in every slice without editing this
 * class.
 */
public final class WebEdge implements TypeFilter {

  private static final Set<String> PACKAGES = Set.of("dev.fieldguide.orders.web",
      "dev.fieldguide.orders.security");

  @Override
  public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
    String name = reader.getClassMetadata().getClassName();
    return PACKAGES.contains(name.substring(0, name.lastIndexOf('.')))
        && !reader.getAnnotationMetadata().isAnnotated(Controller.class.getName());
  }
}
