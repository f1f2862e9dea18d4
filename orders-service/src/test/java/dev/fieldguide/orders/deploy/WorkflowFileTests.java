package dev.fieldguide.orders.deploy;

import static dev.fieldguide.orders.deploy.RepositoryFiles.list;
import static dev.fieldguide.orders.deploy.RepositoryFiles.map;
import static dev.fieldguide.orders.deploy.RepositoryFiles.string;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * T4: the GitHub Actions workflow runs exactly the README's test command, as .ci/run does, against
 * health-checked PostgreSQL and Redis service containers, with every action pinned to a commit.
 */
class WorkflowFileTests {

  private static final String WORKFLOW = ".github/workflows/ci.yml";
  /** The README's command block names its test command with a trailing "# test:" comment. */
  private static final Pattern README_TEST_COMMAND = Pattern
      .compile("(?m)^(\\./mvnw [^#\\n]*?)\\s+# test:");
  private static final Pattern MAVEN_LINE = Pattern.compile("(?m)^\\s*(\\./mvnw\\b[^\\n]*)$");
  private static final Pattern PINNED_ACTION = Pattern.compile("[\\w.-]+/[\\w.-]+@[0-9a-f]{40}");

  private final Map<String, Object> workflow = RepositoryFiles.yaml(WORKFLOW);
  private final Map<String, Object> job = map(map(workflow, "jobs", WORKFLOW), "verify", "jobs");

  @Test
  void isAWorkflowTriggeredOnPushAndPullRequest() {
    // YAML 1.1 (SnakeYAML) reads the bare key `on` as the boolean true; GitHub reads "on".
    Object triggers = workflow.entrySet().stream()
        .filter(e -> List.of("on", "true").contains(String.valueOf((Object) e.getKey())))
        .map(Map.Entry::getValue).findFirst().orElse(null);
    assertThat(map(triggers, "on")).containsKeys("push", "pull_request");
    assertThat(string(job, "runs-on", "verify")).matches("ubuntu-\\d+\\.\\d+");
  }

  @Test
  void runsTheReadmeTestCommandAsCiRunDoes() {
    Matcher readme = README_TEST_COMMAND.matcher(RepositoryFiles.read("README.md"));
    assertThat(readme.find()).as("README names its test command").isTrue();
    String command = readme.group(1).strip();

    assertThat(mavenLines(RepositoryFiles.read(".ci/run"))).containsExactly(command);
    List<String> runs = new ArrayList<>();
    steps().forEach(step -> {
      Object run = step.get("run");
      if (run != null) {
        runs.addAll(mavenLines(String.valueOf(run)));
      }
    });
    assertThat(runs).containsExactly(command);
  }

  @Test
  void testsAgainstHealthCheckedPostgresAndRedisServiceContainers() {
    Map<String, Object> services = map(job, "services", "verify");
    assertThat(services).containsOnlyKeys("postgres", "redis");
    services.forEach((name, service) -> {
      Map<String, Object> definition = map(service, name);
      assertThat(ImageTags.isPinned(string(definition, "image", name))).as(name + " image")
          .isTrue();
      assertThat(string(definition, "options", name)).contains("--health-cmd")
          .contains("--health-retries");
    });
    assertThat(map(job, "env", "verify")).containsEntry("FIELDGUIDE_TEST_SERVICES", "local");
  }

  @Test
  void installsThePostgresClientOfTheServicesMajorVersionForTheRestoreDrill() {
    String image = string(map(map(job, "services", "verify"), "postgres", "services"), "image",
        "postgres");
    String major = image.replaceFirst("^[^:]*:(\\d+).*$", "$1");
    // pg_dump refuses a server of a newer major version than its own.
    assertThat(steps()).as("a step installing postgresql-client-" + major)
        .anySatisfy(step -> assertThat(String.valueOf(step.get("run")))
            .contains("apt-get install").contains("postgresql-client-" + major));
  }

  @Test
  void cachesMavenInstallsJdk25AndPinsEveryActionToACommit() {
    List<Map<String, Object>> uses = steps().stream().filter(s -> s.containsKey("uses")).toList();
    assertThat(uses).isNotEmpty().allSatisfy(step -> assertThat(string(step, "uses", "step"))
        .matches(PINNED_ACTION));
    Map<String, Object> setupJava = uses.stream()
        .filter(s -> string(s, "uses", "step").startsWith("actions/setup-java@")).findFirst()
        .orElseThrow(() -> new AssertionError("no actions/setup-java step"));
    Map<String, Object> with = map(setupJava, "with", "setup-java");
    assertThat(with).containsEntry("cache", "maven");
    assertThat(string(with, "java-version", "setup-java").lines()).contains("25");
  }

  @Test
  void uploadsTheTestReportsEvenWhenTestsFail() {
    Map<String, Object> upload = steps().stream()
        .filter(s -> String.valueOf(s.get("uses")).startsWith("actions/upload-artifact@"))
        .findFirst().orElseThrow(() -> new AssertionError("no upload-artifact step"));
    assertThat(upload).containsEntry("if", "always()");
    assertThat(string(map(upload, "with", "upload"), "path", "upload"))
        .contains("target/surefire-reports").contains("target/failsafe-reports");
  }

  private List<Map<String, Object>> steps() {
    return list(job, "steps", "verify").stream().map(s -> map(s, "step")).toList();
  }

  private static List<String> mavenLines(String script) {
    List<String> lines = new ArrayList<>();
    Matcher m = MAVEN_LINE.matcher(script);
    while (m.find()) {
      lines.add(m.group(1).strip());
    }
    return lines;
  }
}
