package dev.fieldguide.orders.errors;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.Filter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * A5: only the web layer — controllers, filters, exception handlers, security entry points and the
 * {@code web} package — names an HTTP status; domain code throws a {@link DomainException}.
 */
class OnlyTheWebLayerNamesStatusesTests {

  private static final Path SOURCES = Path.of("src/main/java");

  @Test
  void onlyWebLayerClassesImportHttpStatus() throws IOException {
    List<Class<?>> importers;
    try (Stream<Path> files = Files.walk(SOURCES)) {
      importers = files.filter(file -> file.toString().endsWith(".java"))
          .filter(OnlyTheWebLayerNamesStatusesTests::importsHttpStatus)
          .map(OnlyTheWebLayerNamesStatusesTests::classOf).toList();
    }

    assertThat(importers).as("classes importing HttpStatus").isNotEmpty()
        .allSatisfy(type -> assertThat(isWebLayer(type)).as(type.getName()).isTrue());
  }

  private static boolean isWebLayer(Class<?> type) {
    return type.getPackageName().equals("dev.fieldguide.orders.web")
        || Filter.class.isAssignableFrom(type)
        || AuthenticationEntryPoint.class.isAssignableFrom(type)
        || AccessDeniedHandler.class.isAssignableFrom(type)
        || AnnotatedElementUtils.hasAnnotation(type, Controller.class)
        || AnnotatedElementUtils.hasAnnotation(type, ControllerAdvice.class);
  }

  private static boolean importsHttpStatus(Path file) {
    try {
      return Files.readString(file).contains("import org.springframework.http.HttpStatus;");
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + file, e);
    }
  }

  private static Class<?> classOf(Path file) {
    String name = SOURCES.relativize(file).toString().replace('/', '.').replaceAll("\\.java$", "");
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("No class for " + file, e);
    }
  }
}
