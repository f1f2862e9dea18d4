package dev.fieldguide.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import dev.fieldguide.orders.FieldGuideApplication;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The lab and the fixtures are clients of the service like any other: they use only what its
 * modules publish (the public types of a module's base package, or a named interface such as the
 * stock module's gRPC contract), never a module's internals.
 */
class PublishedApiTests {

  private static final Pattern TEST_CODE = Pattern.compile(".*(/test-classes/|-tests\\.jar).*");

  /** The service's production classes only: not its tests, even when they come as a jar. */
  private static final ImportOption PRODUCTION = (Location location) -> !location
      .matches(TEST_CODE);

  @Test
  void theLabAndTheFixturesUseOnlyWhatTheServicesModulesPublish() {
    ApplicationModules modules = ApplicationModules.of(FieldGuideApplication.class, PRODUCTION);
    var clients = new ClassFileImporter().withImportOption(PRODUCTION)
        .importPackages("dev.fieldguide.lab", "dev.fieldguide.fixtures");

    List<String> reachingIn = clients.stream()
        .flatMap(type -> type.getDirectDependenciesFromSelf().stream())
        .filter(dependency -> isInternal(modules, dependency.getTargetClass()))
        .map(Dependency::getDescription).distinct().sorted().toList();

    assertThat(clients).as("lab and fixture classes").hasSizeGreaterThan(40);
    assertThat(reachingIn).as("uses of a module's internals").isEmpty();
  }

  /** Looked up by name: the modules' classes come from an import of their own. */
  private static boolean isInternal(ApplicationModules modules, JavaClass target) {
    String name = (target.isArray() ? target.getBaseComponentType() : target).getName();
    return modules.getModuleByType(name)
        .flatMap(module -> module.getType(name).map(type -> !module.isExposed(type)))
        .orElse(false);
  }
}
