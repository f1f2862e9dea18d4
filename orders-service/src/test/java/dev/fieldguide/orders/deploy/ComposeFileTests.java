package dev.fieldguide.orders.deploy;

import static dev.fieldguide.orders.deploy.RepositoryFiles.list;
import static dev.fieldguide.orders.deploy.RepositoryFiles.map;
import static dev.fieldguide.orders.deploy.RepositoryFiles.string;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml, checked without a Docker engine: by compose's own CLI (its schema), and
 * against what the rest of the repository says — the properties the app reads, the port it
 * listens on, Prometheus's scrape targets and the collector's receivers.
 */
class ComposeFileTests {

  private static final Set<String> APP_SERVICES = Set.of("api", "worker");
  private static final Set<String> LIGHT_STACK = Set.of("postgres", "redis", "api", "worker");

  /** Services Docker cannot probe from inside, each with the reason; nothing may wait for them. */
  private static final Map<String, String> NO_IN_CONTAINER_CHECK = Map.of("otel-collector",
      "distroless image: no shell, wget or curl to run a probe with");

  /** ENV a=1 b="x y": a name is what precedes '=' at the start of a word. */
  private static final Pattern ENV_ASSIGNMENT = Pattern
      .compile("(?:^|\\s)([A-Z_][A-Z0-9_]*)=(\"[^\"]*\"|\\S*)");

  private final Map<String, Object> compose = RepositoryFiles.yaml("docker-compose.yml");
  private final Map<String, Object> services = map(compose, "services", "compose");

  @Test
  void everyImageIsPinnedIncludingTheOneBuiltHere() {
    services.forEach((name, service) -> {
      String image = string(map(service, name), "image", name);
      assertThat(ImageTags.isPinned(image)).as(name + ": " + image + " pinned").isTrue();
    });
  }

  @Test
  void everyServiceHasAHealthCheckExceptTheDocumentedOnes() {
    services.forEach((name, service) -> {
      Map<String, Object> check = map(map(service, name), "healthcheck", name);
      if (NO_IN_CONTAINER_CHECK.containsKey(name)) {
        assertThat(check).as(name + " says it has no check").containsEntry("disable", true);
      } else {
        assertThat(list(check, "test", name)).as(name + " health check").isNotEmpty()
            .first().isIn("CMD", "CMD-SHELL");
      }
    });
  }

  @Test
  void everyDependencyWaitsUntilHealthyAndStartsInTheSameProfile() {
    services.forEach((name, service) -> {
      Map<String, Object> definition = map(service, name);
      if (!definition.containsKey("depends_on")) {
        return;
      }
      map(definition, "depends_on", name).forEach((dependency, how) -> {
        assertThat(map(how, name + " -> " + dependency)).as(name + " waits for " + dependency)
            .containsEntry("condition", "service_healthy");
        assertThat(NO_IN_CONTAINER_CHECK).as(dependency + " never becomes healthy")
            .doesNotContainKey(dependency);
        // A light-stack service waiting for a full-profile one would not start without it.
        assertThat(profiles(dependency)).as(name + " -> " + dependency + " profiles")
            .isSubsetOf(profiles(name));
      });
    });
  }

  @Test
  void theLightStackStartsByDefaultAndObservabilityNeedsTheFullProfile() {
    Set<String> byDefault = services.keySet().stream().filter(s -> profiles(s).isEmpty())
        .collect(Collectors.toSet());
    assertThat(byDefault).isEqualTo(LIGHT_STACK);
    services.keySet().stream().filter(s -> !LIGHT_STACK.contains(s))
        .forEach(s -> assertThat(profiles(s)).as(s).containsExactly("full"));
  }

  @Test
  void everyVariableTheAppContainersGetIsReadByTheApp() {
    AppConfiguration app = AppConfiguration.load();
    Set<String> variables = new TreeSet<>(imageEnvironment().keySet());
    for (String name : APP_SERVICES) {
      Map<String, String> environment = environment(name);
      assertThat(environment).as(name + " role").containsEntry("SPRING_PROFILES_ACTIVE", name);
      variables.addAll(environment.keySet());
    }
    assertThat(app.unread(variables)).as("variables nothing reads").isEmpty();
  }

  @Test
  void appPortsAndPrometheusScrapeTargetsAgree() {
    int port = AppConfiguration.serverPort();
    for (String name : APP_SERVICES) {
      assertThat(list(map(services, name, "services"), "ports", name)).as(name + " ports")
          .allSatisfy(mapping -> assertThat(String.valueOf(mapping)).endsWith(":" + port));
    }

    Map<String, Object> prometheus = map(services, "prometheus", "services");
    assertThat(list(prometheus, "volumes", "prometheus"))
        .contains("./prometheus:/etc/prometheus:ro");
    assertThat(list(prometheus, "command", "prometheus"))
        .contains("--config.file=/etc/prometheus/prometheus.yml");
    Map<String, Object> config = RepositoryFiles.yaml("prometheus/prometheus.yml");
    Map<String, Object> job = list(config, "scrape_configs", "prometheus.yml").stream()
        .map(j -> map(j, "scrape config"))
        .filter(j -> "field-guide".equals(j.get("job_name"))).findFirst()
        .orElseThrow(() -> new AssertionError("no scrape job field-guide"));
    assertThat(job).containsEntry("metrics_path", "/actuator/prometheus");
    List<Object> targets = new ArrayList<>();
    list(job, "static_configs", "field-guide").forEach(
        group -> targets.addAll(list(map(group, "static_configs"), "targets", "field-guide")));
    assertThat(targets).containsExactlyInAnyOrderElementsOf(
        APP_SERVICES.stream().map(s -> s + ":" + port).toList());
    // Rule files resolve next to prometheus.yml, inside the mounted directory.
    if (config.containsKey("rule_files")) {
      list(config, "rule_files", "prometheus.yml").forEach(file -> assertThat(
          RepositoryFiles.path("prometheus/" + file)).as("rule file").exists());
    }
  }

  @Test
  void theGrpcPortIsExposedOnTheApiToTheNetworkButNeverPublished() {
    String grpc = String.valueOf(AppConfiguration.grpcPort());
    assertThat(list(map(services, "api", "services"), "expose", "api")).map(String::valueOf)
        .containsExactly(grpc);
    assertThat(map(services, "worker", "services")).doesNotContainKey("expose");
    for (String name : APP_SERVICES) {
      assertThat(list(map(services, name, "services"), "ports", name)).as(name + " ports")
          .noneSatisfy(mapping -> assertThat(String.valueOf(mapping)).endsWith(":" + grpc));
    }
  }

  @Test
  void tracesGoFromTheAgentThroughTheCollectorToJaeger() {
    URI endpoint = URI.create(environment("api").get("OTEL_EXPORTER_OTLP_ENDPOINT"));
    assertThat(environment("worker")).containsEntry("OTEL_EXPORTER_OTLP_ENDPOINT",
        endpoint.toString());
    assertThat(environment("api")).containsEntry("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
    assertThat(endpoint.getHost()).isEqualTo("otel-collector");

    Map<String, Object> collector = map(services, "otel-collector", "services");
    assertThat(list(collector, "volumes", "otel-collector"))
        .contains("./otel/collector.yaml:/etc/otelcol/collector.yaml:ro");
    assertThat(list(collector, "command", "otel-collector"))
        .containsExactly("--config=/etc/otelcol/collector.yaml");
    Map<String, Object> config = RepositoryFiles.yaml("otel/collector.yaml");
    Map<String, Object> protocols = map(map(map(config, "receivers", "collector"), "otlp",
        "receivers"), "protocols", "otlp");
    assertThat(string(map(protocols, "http", "protocols"), "endpoint", "http"))
        .endsWith(":" + endpoint.getPort());

    Map<String, Object> traces = map(map(map(config, "service", "collector"), "pipelines",
        "service"), "traces", "pipelines");
    assertThat(list(traces, "receivers", "traces")).containsExactly("otlp");
    Map<String, Object> exporters = map(config, "exporters", "collector");
    assertThat(list(traces, "exporters", "traces")).containsExactlyElementsOf(exporters.keySet());
    exporters.forEach((name, exporter) -> assertThat(string(map(exporter, name), "endpoint", name))
        .isEqualTo("jaeger:4317"));
    assertThat(services).containsKey("jaeger");
  }

  @Test
  void postgresKeepsStatementStatisticsAndArchivesWalToAVolume() {
    Map<String, Object> postgres = map(services, "postgres", "services");
    List<Object> command = list(postgres, "command", "postgres");
    assertThat(command).contains("shared_preload_libraries=pg_stat_statements,auto_explain",
        "archive_mode=on", "auto_explain.log_min_duration=250ms");
    String archive = command.stream().map(String::valueOf)
        .filter(c -> c.startsWith("archive_command=")).findFirst().orElseThrow();
    assertThat(archive).contains("cp %p /wal-archive/%f");
    assertThat(archive).as("never overwrites an archived segment")
        .startsWith("archive_command=test ! -f /wal-archive/%f &&");
    assertThat(command).contains("wal_level=replica");
    assertThat(list(postgres, "volumes", "postgres")).contains("wal-archive:/wal-archive");
    assertThat(map(compose, "volumes", "compose")).containsKey("wal-archive");
    // The preloaded library is only half of it: the report needs the extension in the database.
    assertThat(list(postgres, "volumes", "postgres"))
        .contains("./postgres/init:/docker-entrypoint-initdb.d:ro");
    assertThat(RepositoryFiles.read("postgres/init/01-extensions.sql"))
        .contains("CREATE EXTENSION IF NOT EXISTS pg_stat_statements;");

    assertThat(list(map(services, "redis", "services"), "command", "redis"))
        .containsSequence("--maxmemory", "256mb").containsSequence("--maxmemory-policy",
            "volatile-lfu");
  }

  @Test
  void postgresGivesBaseBackupsAVolumeThePostgresUserCanWrite() {
    Map<String, Object> postgres = map(services, "postgres", "services");
    assertThat(list(postgres, "volumes", "postgres")).contains("base-backups:/base-backups");
    assertThat(map(compose, "volumes", "compose")).containsKey("base-backups");
    // The image's entrypoint runs as root only until it drops to postgres: the directories the
    // server (archive) and pg_basebackup (run with -u postgres) write to are made before that.
    String entrypoint = list(postgres, "entrypoint", "postgres").stream().map(String::valueOf)
        .filter(part -> part.contains("docker-entrypoint.sh")).findFirst().orElseThrow();
    assertThat(entrypoint).startsWith("install -d -o postgres -g postgres -m 700 ")
        .contains(" /wal-archive ", " /base-backups ").contains("&& exec docker-entrypoint.sh");
    assertThat(RepositoryFiles.read("scripts/db-base-backup.sh"))
        .contains("docker compose exec -T -u postgres postgres bash -s -- /base-backups");
  }

  @Test
  void composeItselfAcceptsTheFile() {
    List<String> command = new ArrayList<>();
    if (Commands.available(List.of("docker", "compose", "version"))) {
      command.addAll(List.of("docker", "compose"));
    } else if (Commands.available(List.of("docker-compose", "version"))) {
      command.add("docker-compose");
    } else {
      throw new AssertionError("Neither `docker compose` nor `docker-compose` runs here. Install "
          + "one (Debian: apt-get install docker-compose); `config` needs no Docker engine.");
    }
    command.addAll(List.of("-f", "docker-compose.yml", "--profile", "full", "config", "-q"));
    Commands.Result result = Commands.run(command, Map.of(), Duration.ofSeconds(60));
    assertThat(result.exitCode()).as(String.join(" ", command) + "\n" + result.output())
        .isZero();
  }

  private Set<String> profiles(String service) {
    Object profiles = map(services, service, "services").get("profiles");
    return profiles == null
        ? Set.of()
        : list(profiles, service + ".profiles").stream().map(String::valueOf)
            .collect(Collectors.toSet());
  }

  /** A service's environment, as a map whether the file writes it as a map or a list. */
  private Map<String, String> environment(String service) {
    Object environment = map(services, service, "services").get("environment");
    Map<String, String> variables = new LinkedHashMap<>();
    if (environment instanceof List<?> entries) {
      entries.forEach(entry -> {
        String[] pair = String.valueOf(entry).split("=", 2);
        variables.put(pair[0], pair.length > 1 ? pair[1] : "");
      });
    } else if (environment != null) {
      map(environment, service + ".environment")
          .forEach((key, value) -> variables.put(key, String.valueOf(value)));
    }
    return variables;
  }

  /** The ENV the image itself sets in its runtime stage (the variables every container gets). */
  private static Map<String, String> imageEnvironment() {
    Dockerfile dockerfile = Dockerfile.ofRepository();
    Map<String, String> variables = new LinkedHashMap<>();
    dockerfile.all(dockerfile.finalStage(), "ENV").forEach(env -> {
      Matcher m = ENV_ASSIGNMENT.matcher(env.arguments());
      while (m.find()) {
        variables.put(m.group(1), m.group(2));
      }
    });
    return variables;
  }
}
