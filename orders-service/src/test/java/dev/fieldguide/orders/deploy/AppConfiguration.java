package dev.fieldguide.orders.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers "does the application read this environment variable?" the way Spring Boot would: an
 * env var binds to a property through relaxed binding (SPRING_DATASOURCE_URL ->
 * spring.datasource.url), so a variable counts only if it binds to a property the app sets in
 * application.yaml or Spring Boot documents in its configuration metadata (and still binds). A
 * typo binds to nothing and would be ignored silently at run time; here it fails a test.
 */
final class AppConfiguration {

  static final String APPLICATION_YAML = "orders-service/src/main/resources/application.yaml";

  /**
   * Variables read by something other than Spring, each with the reader. Nothing else passes
   * without binding to a property.
   */
  static final Map<String, String> READ_OUTSIDE_SPRING = new TreeMap<>(Map.ofEntries(
      Map.entry("JAVA_TOOL_OPTIONS", "the JVM, at start: attaches the OpenTelemetry agent"),
      Map.entry("OTEL_SERVICE_NAME", "the OpenTelemetry agent: service.name on every span"),
      Map.entry("OTEL_EXPORTER_OTLP_ENDPOINT", "the agent: where spans go (the collector)"),
      Map.entry("OTEL_EXPORTER_OTLP_PROTOCOL", "the agent: http/protobuf to port 4318"),
      Map.entry("OTEL_TRACES_EXPORTER", "the agent: otlp, or none when no collector runs"),
      Map.entry("OTEL_TRACES_SAMPLER", "the agent: parent-based ratio sampling"),
      Map.entry("OTEL_TRACES_SAMPLER_ARG", "the agent: the sampling ratio"),
      Map.entry("OTEL_RESOURCE_ATTRIBUTES", "the agent: extra attributes on every span"),
      Map.entry("OTEL_METRICS_EXPORTER", "the agent: none, metrics go through Micrometer"),
      Map.entry("OTEL_LOGS_EXPORTER", "the agent: none, logs go to stdout")));

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Set<String> propertyNames;

  private AppConfiguration(Set<String> propertyNames) {
    this.propertyNames = propertyNames;
  }

  static AppConfiguration load() {
    Set<String> names = new TreeSet<>();
    applicationYaml().forEach(document -> {
      if (document instanceof EnumerablePropertySource<?> enumerable) {
        names.addAll(Set.of(enumerable.getPropertyNames()));
      }
    });
    names.addAll(bootMetadataPropertyNames());
    return new AppConfiguration(names);
  }

  /** The documents of application.yaml (the default one first, then each profile's). */
  static List<PropertySource<?>> applicationYaml() {
    try {
      return new YamlPropertySourceLoader().load("application.yaml",
          new FileSystemResource(RepositoryFiles.path(APPLICATION_YAML)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** server.port as application.yaml sets it for every role. */
  static int serverPort() {
    Object port = applicationYaml().getFirst().getProperty("server.port");
    return Integer.parseInt(String.valueOf(port));
  }

  /** fieldguide.grpc.port as application.yaml sets it (the api role's internal gRPC port). */
  static int grpcPort() {
    Object port = applicationYaml().getFirst().getProperty("fieldguide.grpc.port");
    return Integer.parseInt(String.valueOf(port));
  }

  /** The property the variable binds to, if any (for a variable no one outside Spring reads). */
  Optional<String> propertyFor(String variable) {
    PropertySource<?> environment = new SystemEnvironmentPropertySource(
        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(variable, "set"));
    ConfigurationPropertySource source = ConfigurationPropertySource.from(environment);
    if (source == null) {
      throw new IllegalStateException("Spring did not adapt the environment property source");
    }
    return propertyNames.stream().filter(ConfigurationPropertyName::isValid)
        .filter(name -> source.getConfigurationProperty(ConfigurationPropertyName.of(name)) != null)
        .findFirst();
  }

  /** The variables that neither bind to a property nor are read by the JVM or the agent. */
  Set<String> unread(Collection<String> variables) {
    Set<String> unread = new TreeSet<>();
    for (String variable : variables) {
      if (!READ_OUTSIDE_SPRING.containsKey(variable) && propertyFor(variable).isEmpty()) {
        unread.add(variable);
      }
    }
    return unread;
  }

  private static Set<String> bootMetadataPropertyNames() {
    Set<String> names = new TreeSet<>();
    try {
      Resource[] files = new PathMatchingResourcePatternResolver()
          .getResources("classpath*:META-INF/spring-configuration-metadata.json");
      for (Resource file : files) {
        try (InputStream in = file.getInputStream()) {
          for (JsonNode property : JSON.readTree(in).path("properties")) {
            // Level "error" marks a property Boot no longer binds (spring.redis.host since 3.0).
            if (!property.path("deprecation").path("level").asString("").equals("error")) {
              names.add(property.path("name").asString());
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (names.isEmpty()) {
      throw new IllegalStateException("no Spring Boot configuration metadata on the classpath");
    }
    return names;
  }
}
