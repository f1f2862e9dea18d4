package dev.fieldguide.orders.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.orders.deploy.Dockerfile.Instruction;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The image's Dockerfile, checked without a Docker engine: pinned bases, a non-root runtime, a
 * health check the image can actually run, the agent taken from where the build puts it, the
 * port the app listens on, and Spring Boot's layered extraction.
 */
class DockerfileTests {

  /** {@code COPY [--flag=value...] source destination}: the source. */
  private static final Pattern COPY_SOURCE = Pattern.compile("^(?:--\\S+\\s+)*(\\S+)\\s");

  private static final Pattern COPY_FROM_BUILD = Pattern
      .compile("--from=(\\S+)\\s+(\\S+)\\s+(\\S+)");

  private final Dockerfile dockerfile = Dockerfile.ofRepository();
  private final int runtime = dockerfile.finalStage();

  @Test
  void everyBaseImageIsPinnedToAVersion() {
    assertThat(dockerfile.baseImages()).hasSize(2).allSatisfy(
        image -> assertThat(ImageTags.isPinned(image)).as(image + " pinned").isTrue());
  }

  @Test
  void runtimeStageRunsAsANonRootUser() {
    List<Instruction> users = dockerfile.all(runtime, "USER");
    assertThat(users).as("USER in the runtime stage").isNotEmpty();
    String owner = users.getLast().arguments();
    String user = owner.contains(":") ? owner.substring(0, owner.indexOf(':')) : owner;
    assertThat(user).isNotIn("root", "0");
    if (user.chars().allMatch(Character::isDigit)) {
      // Kubernetes checks runAsNonRoot by uid; k8s/ runs the pods as this uid.
      assertThat(Integer.parseInt(user)).isPositive();
    }
  }

  @Test
  void healthCheckRunsAScriptTheImageContainsAgainstLiveness() throws IOException {
    List<Instruction> checks = dockerfile.all(runtime, "HEALTHCHECK");
    assertThat(checks).hasSize(1);
    Matcher command = Pattern.compile("CMD \\[\"([^\"]+)\"").matcher(checks.getFirst().arguments());
    assertThat(command.find()).as("exec-form CMD").isTrue();

    Instruction copy = livenessCopy(dockerfile);
    assertThat(copy.arguments()).endsWith("/usr/local/bin/" + command.group(1))
        .contains("--chmod=755");
    assertThat(livenessScript(dockerfile)).startsWith("#!/bin/bash")
        .contains("GET /actuator/health/liveness");
  }

  @Test
  void agentIsCopiedFromWhereTheBuildPutsItAndAttachedToTheJvm() throws Exception {
    String agentInBuild = agentPathFromPom();
    int build = dockerfile.stageNamed("build");
    String workdir = dockerfile.all(build, "WORKDIR").getFirst().arguments();
    assertThat(dockerfile.all(build, "RUN")).as("the build runs the package phase")
        .anySatisfy(run -> assertThat(run.arguments()).contains("./mvnw").contains(" package"));

    String agentInImage = dockerfile.all(runtime, "COPY").stream()
        .map(copy -> COPY_FROM_BUILD.matcher(copy.arguments()))
        .filter(m -> m.find() && m.group(2).equals(workdir + "/" + agentInBuild))
        .map(m -> m.group(3)).findFirst()
        .orElseThrow(() -> new AssertionError("no COPY --from=build of " + agentInBuild));
    assertThat(dockerfile.all(runtime, "ENV")).anySatisfy(env -> assertThat(env.arguments())
        .contains("JAVA_TOOL_OPTIONS=\"-javaagent:" + agentInImage));
  }

  @Test
  void exposesThePortTheApplicationListensOn() {
    assertThat(dockerfile.all(runtime, "EXPOSE")).extracting(Instruction::arguments)
        .containsExactly(String.valueOf(AppConfiguration.serverPort()));
  }

  @Test
  void runtimeIsTheExtractedLayeredJarStartedByBootsLauncher() {
    assertThat(dockerfile.all(dockerfile.stageNamed("build"), "RUN"))
        .anySatisfy(run -> assertThat(run.arguments()).contains("-Djarmode=tools")
            .contains("extract --layers --launcher"));
    // Least changing first, so a new build changes only the last layers of the image.
    assertThat(dockerfile.all(runtime, "COPY")).extracting(Instruction::arguments)
        .filteredOn(copy -> copy.contains("/layers/"))
        .containsExactly("--from=build /layers/dependencies/ ./",
            "--from=build /layers/spring-boot-loader/ ./",
            "--from=build /layers/snapshot-dependencies/ ./",
            "--from=build /layers/application/ ./");
    assertThat(dockerfile.all(runtime, "ENTRYPOINT").getFirst().arguments())
        .contains("org.springframework.boot.loader.launch.JarLauncher");
  }

  /** The image runs the service's executable jar; the lab-enabled application never ships. */
  @Test
  void theImageIsTheServiceAloneNeverTheLab() {
    List<String> builds = dockerfile.all(dockerfile.stageNamed("build"), "RUN").stream()
        .map(Instruction::arguments).toList();

    assertThat(builds).anySatisfy(run -> assertThat(run).contains("-pl orders-service -am package"))
        .anySatisfy(run -> assertThat(run)
            .contains("cp orders-service/target/orders-service-*-exec.jar app.jar"))
        .noneSatisfy(run -> assertThat(run).contains("orders-lab/target"));
    assertThat(dockerfile.all(dockerfile.stageNamed("build"), "COPY"))
        .extracting(Instruction::arguments).noneMatch(copy -> copy.startsWith("orders-lab/src"));
  }

  /** The service builds with `-am`: every project module it depends on needs its sources too. */
  @Test
  void buildStageCopiesTheSourcesOfEveryModuleTheServiceIsBuiltFrom() throws Exception {
    Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(RepositoryFiles.path("orders-service/pom.xml").toFile());
    NodeList modules = (NodeList) XPathFactory.newInstance().newXPath().evaluate(
        "/*[local-name()='project']/*[local-name()='dependencies']/*[local-name()='dependency']"
            + "[*[local-name()='groupId']='dev.fieldguide']/*[local-name()='artifactId']",
        pom, XPathConstants.NODESET);
    List<String> copies = dockerfile.all(dockerfile.stageNamed("build"), "COPY").stream()
        .map(Instruction::arguments).toList();
    List<String> sentToBuilder = Files.readAllLines(RepositoryFiles.path(".dockerignore"));

    assertThat(modules.getLength()).isPositive();
    assertThat(copies).contains("orders-service/src/ orders-service/src/");
    for (int i = 0; i < modules.getLength(); i++) {
      String module = modules.item(i).getTextContent().strip();
      assertThat(copies).as("sources of " + module).contains(module + "/src/ " + module + "/src/");
      assertThat(sentToBuilder).as(".dockerignore lets through " + module)
          .contains("!" + module + "/src/");
    }
  }

  private static Instruction livenessCopy(Dockerfile dockerfile) {
    return dockerfile.all(dockerfile.finalStage(), "COPY").stream()
        .filter(copy -> copy.arguments().endsWith("/usr/local/bin/liveness")).findFirst()
        .orElseThrow(() -> new AssertionError("no liveness script in the runtime stage"));
  }

  /**
   * The liveness script the runtime stage copies in, read from the build context. A file, not a
   * heredoc: podman 4.3's builder (and any builder without BuildKit) cannot read heredocs.
   */
  static String livenessScript(Dockerfile dockerfile) throws IOException {
    Matcher source = COPY_SOURCE.matcher(livenessCopy(dockerfile).arguments());
    assertThat(source.find()).as("the script's path in the build context").isTrue();
    return Files.readString(RepositoryFiles.path(source.group(1)));
  }

  /**
   * Where orders-service/pom.xml copies the agent at package time, relative to the repository:
   * the dependency plugin's output directory plus the artifact's name without its version.
   */
  private static String agentPathFromPom()
      throws ParserConfigurationException, SAXException, IOException, XPathExpressionException {
    Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(RepositoryFiles.path("orders-service/pom.xml").toFile());
    var xpath = XPathFactory.newInstance().newXPath();
    String execution = "//*[local-name()='plugin'][*[local-name()='artifactId']="
        + "'maven-dependency-plugin']//*[local-name()='execution']"
        + "[.//*[local-name()='artifactId']='opentelemetry-javaagent']";
    assertThat(xpath.evaluate(execution + "/*[local-name()='phase']", pom)).isEqualTo("package");
    assertThat(xpath.evaluate(execution + "//*[local-name()='stripVersion']", pom))
        .isEqualTo("true");
    String directory = xpath.evaluate(execution + "//*[local-name()='outputDirectory']", pom);
    assertThat(directory).startsWith("${project.build.directory}/");
    return "orders-service/target/" + directory.substring("${project.build.directory}/".length())
        + "/opentelemetry-javaagent.jar";
  }
}
