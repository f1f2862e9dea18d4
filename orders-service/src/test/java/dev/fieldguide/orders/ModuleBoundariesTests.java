package dev.fieldguide.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldguide.boundarycheck.BoundaryCheckApplication;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions.DiagramStyle;
import org.springframework.modulith.docs.Documenter.DiagramOptions.ElementsWithoutRelationships;

/**
 * T5: every topic package is a Spring Modulith module that declares which modules it may use,
 * uses them only through their published types (public types in their base package, or a named
 * interface), and no two modules depend on each other in a cycle. The module picture in
 * {@code docs/architecture/} is drawn from this same model by the build, so it cannot drift.
 */
class ModuleBoundariesTests {

  private static final ApplicationModules MODULES = ApplicationModules
      .of(FieldGuideApplication.class);
  private static final Path DOCS = Path.of("../docs/architecture");
  private static final Path DIAGRAM = DOCS.resolve("modules.puml");
  private static final Path PICTURE = DOCS.resolve("modules.svg");
  /** What {@code allowedDependencies} holds when a module does not declare it at all. */
  private static final String UNDECLARED = "¯\\_(ツ)_/¯";

  @Test
  void modulesUseOnlyTheirDeclaredDependenciesThroughPublishedTypesWithoutCycles() {
    MODULES.verify();
  }

  @Test
  void everyModuleDeclaresWhatItMayUse() throws ClassNotFoundException {
    List<String> undeclared = new ArrayList<>();
    for (var module : MODULES.stream().toList()) {
      String name = module.getBasePackage().getName();
      ApplicationModule declared = Class.forName(name + ".package-info")
          .getAnnotation(ApplicationModule.class);
      if (declared == null || Arrays.asList(declared.allowedDependencies()).contains(UNDECLARED)) {
        undeclared.add(name);
      }
    }

    assertThat(MODULES.stream()).hasSizeGreaterThan(20);
    assertThat(undeclared).as("modules without allowedDependencies").isEmpty();
  }

  @Test
  void reachingIntoAnotherModulesInternalsOrAnUndeclaredModuleFailsVerification() {
    // Test classes are left out of the real model; this one imports them on purpose.
    var broken = ApplicationModules.of(BoundaryCheckApplication.class, location -> true);

    assertThatThrownBy(broken::verify)
        // shop may use warehouse, but only its published types, not warehouse.internal
        .hasMessageContaining("Module 'shop' depends on module 'warehouse' via "
            + "dev.fieldguide.boundarycheck.shop.Checkout -> "
            + "dev.fieldguide.boundarycheck.warehouse.internal.StockLedger")
        // billing declared no dependency at all, and uses warehouse
        .hasMessageContaining("Module 'billing' depends on module 'warehouse' via "
            + "dev.fieldguide.boundarycheck.billing.Invoice -> "
            + "dev.fieldguide.boundarycheck.warehouse.Warehouse. Allowed targets: none");
  }

  /**
   * Draws the modules and their dependencies with Spring Modulith's {@link Documenter} and
   * compares the drawing with the one in the docs. When they differ the docs get the new drawing
   * (and its rendering) and the test fails, so the change is committed with the code that caused
   * it.
   */
  @Test
  void theModulePictureInTheDocsIsDrawnFromTheCode() throws IOException {
    String drawn = drawModules();
    String committed = Files.exists(DIAGRAM) ? Files.readString(DIAGRAM) : "";
    if (drawn.equals(committed) && Files.exists(PICTURE)) {
      return;
    }
    Files.createDirectories(DOCS);
    Files.writeString(DIAGRAM, drawn);
    try (OutputStream svg = Files.newOutputStream(PICTURE)) {
      new SourceStringReader(drawn).outputImage(svg, new FileFormatOption(FileFormat.SVG));
    }
    assertThat(committed).as("""
        The module picture changed with the code: %s and %s are now redrawn; commit them."""
        .formatted(DIAGRAM, PICTURE)).isEqualTo(drawn);
  }

  private static String drawModules() throws IOException {
    Path output = Path.of("target/spring-modulith-docs");
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(output.toString()))
        .writeModulesAsPlantUml(DiagramOptions.defaults().withStyle(DiagramStyle.C4)
            .withElementsWithoutRelationships(ElementsWithoutRelationships.VISIBLE));
    return stable(Files.readString(output.resolve("components.puml")));
  }

  /**
   * The drawing with its element and relation lines sorted (the Documenter writes them in no
   * fixed order), laid out by PlantUML's own Java engine so no Graphviz is needed to render it.
   */
  private static String stable(String plantUml) {
    List<String> lines = new ArrayList<>(plantUml.lines().toList());
    sortInPlace(lines, line -> line.strip().startsWith("Component("));
    sortInPlace(lines, line -> line.strip().startsWith("Rel("));
    lines.add(lines.indexOf("@startuml") + 1, "!pragma layout smetana");
    return String.join("\n", lines) + "\n";
  }

  private static void sortInPlace(List<String> lines, Predicate<String> which) {
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (which.test(lines.get(i))) {
        at.add(i);
      }
    }
    List<String> sorted = at.stream().map(lines::get).sorted().toList();
    for (int i = 0; i < at.size(); i++) {
      lines.set(at.get(i), sorted.get(i));
    }
  }
}
