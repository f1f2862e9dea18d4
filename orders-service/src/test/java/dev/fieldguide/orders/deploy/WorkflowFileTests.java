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
 * T4: the GitHub Actions workflow runs what CI here runs ({@code bash .ci/run}: promtool, the
 * README's test command, the release-migration check, the labs, the drills, the trace smoke) on a
 * PostgreSQL 17 service container, plus a Maven-on-JDK-17 leg that runs only the unit layer, with
 * every action pinned to a commit.
 */
class WorkflowFileTests {

  private static final String WORKFLOW = ".github/workflows/ci.yml";
  /** The README's command block names its test command with a trailing "# test:" comment. */
  private static final Pattern README_TEST_COMMAND = Pattern
      .compile("(?m)^(\\./mvnw [^#\\n]*?)\\s+# test:");
  private static final Pattern MAVEN_LINE = Pattern.compile("(?m)^\\s*(\\./mvnw\\b[^\\n]*)$");
  private static final Pattern PINNED_ACTION = Pattern.compile("[\\w.-]+/[\\w.-]+@[0-9a-f]{40}");

  private final Map<String, Object> workflow = RepositoryFiles.yaml(WORKFLOW);
  private final Map<String, Object> jobs = map(workflow, "jobs", WORKFLOW);
  private final Map<String, Object> ci = map(jobs, "ci", "jobs");
  private final Map<String, Object> jdk17 = map(jobs, "maven-on-jdk-17", "jobs");

  @Test
  void isAWorkflowTriggeredOnPushAndPullRequest() {
    // YAML 1.1 (SnakeYAML) reads the bare key `on` as the boolean true; GitHub reads "on".
    Object triggers = workflow.entrySet().stream()
        .filter(e -> List.of("on", "true").contains(String.valueOf((Object) e.getKey())))
        .map(Map.Entry::getValue).findFirst().orElse(null);
    assertThat(map(triggers, "on")).containsKeys("push", "pull_request");
    assertThat(jobs).containsOnlyKeys("ci", "maven-on-jdk-17");
    jobs.forEach((name, job) -> assertThat(string(map(job, name), "runs-on", name))
        .matches("ubuntu-\\d+\\.\\d+"));
  }

  @Test
  void runsCiRunWhichRunsTheReadmeTestCommand() {
    Matcher readme = README_TEST_COMMAND.matcher(RepositoryFiles.read("README.md"));
    assertThat(readme.find()).as("README names its test command").isTrue();
    String command = readme.group(1).strip();

    assertThat(mavenLines(RepositoryFiles.read(".ci/run"))).containsExactly(command);
    assertThat(runs(ci)).as("the ci job's commands").contains("bash .ci/run")
        .noneMatch(run -> MAVEN_LINE.matcher(run).find());
  }

  @Test
  void theJdk17LegRunsTheUnitLayerOnlySoTheSuiteDoesNotRunTwice() {
    List<String> maven = new ArrayList<>();
    runs(jdk17).forEach(run -> maven.addAll(mavenLines(run)));

    assertThat(maven).containsExactly("./mvnw test");
    assertThat(string(map(setupJava(jdk17), "with", "setup-java"), "java-version", "setup-java")
        .lines().map(String::strip).toList()).as("17 last, so Maven runs on it").endsWith("17")
        .contains("25");
  }

  @Test
  void testsAgainstAHealthCheckedPostgres17ServiceContainer() {
    Map<String, Object> services = map(ci, "services", "ci");
    assertThat(services).containsOnlyKeys("postgres");
    Map<String, Object> postgres = map(services.get("postgres"), "postgres");
    assertThat(ImageTags.isPinned(string(postgres, "image", "postgres"))).isTrue();
    assertThat(string(postgres, "image", "postgres")).startsWith("postgres:17");
    assertThat(string(postgres, "options", "postgres")).contains("--health-cmd")
        .contains("--health-retries");
    assertThat(map(ci, "env", "ci")).containsEntry("FIELDGUIDE_TEST_SERVICES", "local");
  }

  @Test
  void installsThePostgresClientOfTheServicesMajorVersionForTheRestoreDrill() {
    String image = string(map(map(ci, "services", "ci"), "postgres", "services"), "image",
        "postgres");
    String major = image.replaceFirst("^[^:]*:(\\d+).*$", "$1");
    // pg_dump refuses a server of a newer major version than its own.
    assertThat(steps(ci)).as("a step installing postgresql-client-" + major)
        .anySatisfy(step -> assertThat(String.valueOf(step.get("run")))
            .contains("apt-get install").contains("postgresql-client-" + major));
  }

  @Test
  void cachesMavenInstallsJdk25AndPinsEveryActionToACommit() {
    for (Map<String, Object> job : List.of(ci, jdk17)) {
      assertThat(steps(job).stream().filter(s -> s.containsKey("uses")).toList()).isNotEmpty()
          .allSatisfy(step -> assertThat(string(step, "uses", "step")).matches(PINNED_ACTION));
      Map<String, Object> with = map(setupJava(job), "with", "setup-java");
      assertThat(with).containsEntry("cache", "maven");
      assertThat(string(with, "java-version", "setup-java").lines().map(String::strip))
          .contains("25");
    }
  }

  @Test
  void uploadsBothTestLayersReportsEvenWhenTestsFail() {
    Map<String, Object> upload = steps(ci).stream()
        .filter(s -> String.valueOf(s.get("uses")).startsWith("actions/upload-artifact@"))
        .findFirst().orElseThrow(() -> new AssertionError("no upload-artifact step"));
    assertThat(upload).containsEntry("if", "always()");
    assertThat(string(map(upload, "with", "upload"), "path", "upload"))
        .contains("target/surefire-reports", "target/failsafe-reports");
  }

  private static Map<String, Object> setupJava(Map<String, Object> job) {
    return steps(job).stream()
        .filter(s -> String.valueOf(s.get("uses")).startsWith("actions/setup-java@")).findFirst()
        .orElseThrow(() -> new AssertionError("no actions/setup-java step"));
  }

  private static List<String> runs(Map<String, Object> job) {
    return steps(job).stream().map(step -> step.get("run")).filter(run -> run != null)
        .map(run -> String.valueOf(run).strip()).toList();
  }

  private static List<Map<String, Object>> steps(Map<String, Object> job) {
    return list(job, "steps", "job").stream().map(s -> map(s, "step")).toList();
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
