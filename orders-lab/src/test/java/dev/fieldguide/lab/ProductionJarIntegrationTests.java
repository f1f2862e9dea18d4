package dev.fieldguide.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service's executable jar, the one the image ships, as built: it holds none of this module's
 * classes, no fixture, and no lab route, rate-limit policy or GraphQL schema. Runs after the
 * reactor has packaged orders-service (this module depends on it).
 */
class ProductionJarIntegrationTests {

  private static final Path SERVICE_TARGET = Path.of("../orders-service/target");
  private static final Path LAB_CLASSES = Path.of("target/classes");
  private static final String APP = "BOOT-INF/classes/";

  /** Every entry of the jar with its bytes; the jar is a few hundred entries deep at most. */
  private static Map<String, byte[]> application;
  private static List<String> libraries;

  @BeforeAll
  static void readTheJar() throws IOException {
    Path jar;
    try (Stream<Path> files = Files.list(SERVICE_TARGET)) {
      jar = files.filter(p -> p.getFileName().toString().matches("orders-service-.*-exec\\.jar"))
          .findFirst().orElseThrow(() -> new IllegalStateException(
              "No orders-service-*-exec.jar in " + SERVICE_TARGET.toAbsolutePath()
                  + ": package orders-service first (./mvnw -pl orders-lab -am verify)"));
    }
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      application = zip.stream().filter(e -> e.getName().startsWith(APP) && !e.isDirectory())
          .collect(Collectors.toMap(e -> e.getName().substring(APP.length()),
              e -> bytes(zip, e)));
      libraries = zip.stream().map(ZipEntry::getName)
          .filter(name -> name.startsWith("BOOT-INF/lib/")).toList();
    }
  }

  @Test
  void holdsNoClassOfTheLabModule() throws IOException {
    List<String> labClasses;
    try (Stream<Path> files = Files.walk(LAB_CLASSES)) {
      labClasses = files.filter(p -> p.toString().endsWith(".class"))
          .map(p -> LAB_CLASSES.relativize(p).toString()).toList();
    }
    assertThat(labClasses).as("this module's classes").isNotEmpty()
        .contains("dev/fieldguide/lab/FieldGuideLab.class");

    assertThat(application.keySet()).doesNotContainAnyElementsOf(labClasses);
    assertThat(application.keySet()).noneMatch(name -> name.startsWith("dev/fieldguide/lab/"));
    assertThat(libraries).noneMatch(name -> name.contains("orders-lab"));
  }

  @Test
  void holdsNoFixtureClassOrSchema() {
    assertThat(application.keySet())
        .noneMatch(name -> name.startsWith("dev/fieldguide/fixtures/"))
        .noneMatch(name -> name.startsWith("graphql-wrongway/"))
        .noneMatch(name -> name.equals("lab.properties"))
        .contains("dev/fieldguide/orders/FieldGuideApplication.class", "graphql/orders.graphqls");
    assertThat(libraries).noneMatch(name -> name.contains("fixtures"));
  }

  @Test
  void namesNoLabRouteOrPolicy() {
    // A route or a security rule for the lab would be a string constant in some class file, and a
    // policy or switch would be a key in application.yaml.
    List<String> mentioning = application.entrySet().stream()
        .filter(e -> e.getKey().endsWith(".class") || e.getKey().endsWith(".yaml"))
        .filter(e -> mentionsTheLab(new String(e.getValue(), StandardCharsets.ISO_8859_1)))
        .map(Map.Entry::getKey).toList();

    assertThat(mentioning).as("files naming a lab route or setting").isEmpty();
  }

  private static boolean mentionsTheLab(String content) {
    return Stream
        .of("/lab", "/api/lab", "lab-burst", "lab-throughput", "fieldguide.lab", "graphql-lab",
            "graphql-wrongway")
        .anyMatch(content::contains);
  }

  private static byte[] bytes(ZipFile zip, ZipEntry entry) {
    try (var in = zip.getInputStream(entry)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
