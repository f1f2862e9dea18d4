package dev.fieldguide.orders.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The repository's files as the deployment tests read them, and typed steps into parsed YAML
 * that fail with the path they expected instead of a ClassCastException.
 */
final class RepositoryFiles {

  /** Surefire runs in the module directory; the repository root is its parent. */
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private RepositoryFiles() {}

  static Path path(String relative) {
    return ROOT.resolve(relative);
  }

  static String read(String relative) {
    try {
      return Files.readString(path(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, Object> yaml(String relative) {
    return map(newYaml().load(read(relative)), relative);
  }

  /** Every document of a multi-document stream (rendered manifests), empty ones dropped. */
  static List<Map<String, Object>> yamlDocuments(String text, String what) {
    List<Map<String, Object>> documents = new ArrayList<>();
    for (Object document : newYaml().loadAll(text)) {
      if (document != null) {
        documents.add(map(document, what));
      }
    }
    return documents;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(@Nullable Object node, String what) {
    if (node instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw new AssertionError(what + " should be a mapping but is " + node);
  }

  static Map<String, Object> map(Map<String, Object> parent, String key, String what) {
    return map(parent.get(key), what + "." + key);
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(@Nullable Object node, String what) {
    if (node instanceof List<?> list) {
      return (List<Object>) list;
    }
    throw new AssertionError(what + " should be a list but is " + node);
  }

  static List<Object> list(Map<String, Object> parent, String key, String what) {
    return list(parent.get(key), what + "." + key);
  }

  static String string(Map<String, Object> parent, String key, String what) {
    Object value = parent.get(key);
    if (value == null) {
      throw new AssertionError(what + "." + key + " is missing");
    }
    return String.valueOf(value);
  }

  /** SafeConstructor: plain maps, lists and scalars only; merge keys ({@code <<}) resolved. */
  private static Yaml newYaml() {
    return new Yaml(new SafeConstructor(new LoaderOptions()));
  }
}
